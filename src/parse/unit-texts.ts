/**
 * Lists, tables and pasted blocks repeat their lines ("Java | 5" a thousand times), and most of what the
 * structure stage asks of a line depends on its text alone. Each unit's text is cut out once and numbered,
 * equal texts alike, so those verdicts are worked out once per text and remembered in arrays: one hash of a
 * line's text for the whole stage, where a memo keyed by the text would hash it again in every pass.
 */
import type { Span } from '../types.js';

/** Gives each distinct text a small number, in order of first sight. */
export class TextIds {
  private readonly byText = new Map<string, number>();
  /** Each numbered text, by its number: the string first seen with it, which later equal texts are read as. */
  readonly texts: string[] = [];

  /** The number of `value`: the one it was given before, or the next one. */
  idOf(value: string): number {
    let id = this.byText.get(value);
    if (id === undefined) {
      id = this.texts.length;
      this.byText.set(value, id);
      this.texts.push(value);
    }
    return id;
  }

  /** How many distinct texts have been numbered: every id so far is below it. */
  get size(): number {
    return this.texts.length;
  }
}

/** Units in text order, each with its text and that text's number (arrays of one length). */
export interface UnitTexts<U extends Span = Span> {
  units: U[];
  values: string[];
  ids: number[];
  /** The numbering `ids` come from, for texts cut out later (a unit clipped to a region). */
  numbering: TextIds;
}

/** Appends `unit`, its text cut out of `text` and numbered. */
export function pushUnit<U extends Span>(table: UnitTexts<U>, text: string, unit: U): void {
  const id = table.numbering.idOf(text.slice(unit.start, unit.end));
  table.units.push(unit);
  // The text first seen with this number: the slice just cut out dies young, and a repeated line keeps no copy.
  table.values.push(table.numbering.texts[id] as string);
  table.ids.push(id);
}

/** Appends unit `k` of `from` (a table over the same numbering) with its text and number. */
export function copyUnit<U extends Span>(table: UnitTexts<U>, from: UnitTexts<U>, k: number): void {
  table.units.push(from.units[k] as U);
  table.values.push(from.values[k] as string);
  table.ids.push(from.ids[k] as number);
}

/** An empty table over `numbering`. */
export function emptyUnitTexts<U extends Span>(numbering: TextIds): UnitTexts<U> {
  return { units: [], values: [], ids: [], numbering };
}

/**
 * `test` of the text of unit `k`, worked out on the first unit with that text and remembered for the others (a
 * flag per text: 0 not yet, 1 false, 2 true). Only texts numbered before the call are remembered; a later one is
 * worked out each time.
 */
export function flagByText(table: UnitTexts, test: (value: string) => boolean): (k: number) => boolean {
  const known = new Uint8Array(table.numbering.size);
  return (k) => {
    const id = table.ids[k] as number;
    let flag = known[id];
    if (flag === undefined) return test(table.values[k] as string);
    if (flag === 0) {
      flag = test(table.values[k] as string) ? 2 : 1;
      known[id] = flag;
    }
    return flag === 2;
  };
}

/** {@link flagByText} for a verdict of any kind; a remembered object is shared, so it is only read. */
export function verdictByText<T>(table: UnitTexts, test: (value: string) => T): (k: number) => T {
  const known: (T | undefined)[] = new Array(table.numbering.size);
  return (k) => {
    const id = table.ids[k] as number;
    let verdict = known[id];
    if (verdict === undefined) {
      verdict = test(table.values[k] as string);
      if (id < known.length) known[id] = verdict;
    }
    return verdict;
  };
}
