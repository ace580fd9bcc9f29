import { diagnostic, type Diagnostic, type DiagnosticCode, type Severity } from '../domain/diagnostic.js';
import type { ExchangeEvent, Partnership, PhotoRecord } from '../domain/partnership.js';
import { eraOutOfRange } from './era-range.js';
import type { Affiliation, Title } from './headings.js';
import type { ParseResult } from './layout.js';
import type { SourceLine } from './source-line.js';

/**
 * Gathers what a layout reads into partnerships. A title starts a partnership (the same title repeated as a
 * page header does not); content before any title is kept for the first title. A document without a title
 * yields no partnership and a MissingPartner error.
 */
export class PartnershipCollector {
  readonly diagnostics: Diagnostic[] = [];
  private readonly done: Partnership[] = [];
  private current: Partnership | undefined;
  private titled = false;
  private pendingAffiliation: string | null = null;

  constructor(private readonly home: string) {}

  /** True when the title begins a partnership, so the layout should forget the year it was in. */
  title(t: Title): boolean {
    if (this.current && this.titled) {
      if (this.current.partner === t.partner) return false;
      this.done.push(this.current);
      this.current = undefined;
    }
    const p = this.current ?? this.create();
    p.partner = t.partner;
    p.kind = t.kind;
    this.titled = true;
    return true;
  }

  /** The affiliation date (its line repeated as a page header is not read again); warns of a date outside its era. */
  affiliation(a: Affiliation, line: SourceLine): void {
    if (this.current ? this.current.affiliatedOn !== null : this.pendingAffiliation !== null) return;
    if (this.current) this.current.affiliatedOn = a.date;
    else this.pendingAffiliation = a.date;
    if (a.eraSlip) this.add(eraOutOfRange(line.no, a.eraSlip, line.text));
  }

  event(e: ExchangeEvent): void {
    this.target().events.push(e);
  }

  record(r: PhotoRecord): void {
    this.target().records.push(r);
  }

  noExchange(year: number): void {
    const p = this.target();
    if (!p.noExchangeYears.includes(year)) p.noExchangeYears.push(year);
  }

  note(code: DiagnosticCode, severity: Severity, line: SourceLine, message: string, params?: Diagnostic['params']): void {
    this.diagnostics.push(diagnostic(code, severity, line.no, message, line.text, params));
  }

  /** A diagnostic made elsewhere (with the values its message names). */
  add(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  finish(): ParseResult {
    const partnerships = [...this.done];
    if (this.current && this.titled) partnerships.push(this.current);
    // The whole document names no partner: no line of it is at fault, so the error names none.
    if (partnerships.length === 0) {
      this.diagnostics.push(
        diagnostic('MissingPartner', 'error', null, 'No title in the document names the partner city (姉妹都市〇〇市との交流 …); nothing was imported. Add such a title above the exchanges and import it again.'),
      );
    }
    return { partnerships, diagnostics: this.diagnostics };
  }

  private target(): Partnership {
    return this.current ?? this.create();
  }

  private create(): Partnership {
    this.current = {
      home: this.home,
      partner: '',
      kind: '',
      affiliatedOn: this.pendingAffiliation,
      noExchangeYears: [],
      events: [],
      records: [],
    };
    this.pendingAffiliation = null;
    this.titled = false;
    return this.current;
  }
}
