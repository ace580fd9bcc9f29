import type { EditableItem, EditProblem, ItemKind } from '../domain/editing.js';
import { KoryuError } from '../errors.js';

/** An edit named a version that is no longer the stored one; `current` is what is stored now. Nothing was written. */
export class EditConflictError extends KoryuError {
  constructor(
    readonly current: EditableItem<ItemKind>,
    readonly kind: ItemKind,
    given: number,
  ) {
    super(
      'EditConflict',
      `This ${kind} was changed by someone else meanwhile: it is now at version ${current.version} (changed ${current.updatedAt}), ` +
        `and your edit was made on version ${given}. Nothing was saved; review the newer version and edit it again.`,
    );
  }
}

/** The edit's fields are not acceptable; `problems` names each field and why. Nothing was written. */
export class EditRejectedError extends KoryuError {
  constructor(readonly problems: readonly EditProblem[]) {
    super('EditRejected', `The edit was refused: ${problems.map(describe).join(', ')}. Nothing was saved.`);
  }
}

function describe(p: EditProblem): string {
  if (p.problem === 'notEmpty') return 'the partnership still has events or photo records, to be deleted first';
  return `${p.field} (${p.problem})`;
}
