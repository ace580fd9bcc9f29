import { describeOnEachStore } from '../../test/support/test-stores.js';
import { runSearchContract } from './search.contract.js';

describeOnEachStore('search', runSearchContract);
