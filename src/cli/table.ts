/**
 * Aligned tables for a terminal that fit its width. A table too wide for the width is fitted by steps
 * the caller states in order (narrow this column to so many display columns, drop that one), each taken
 * only as far as needed; space a dropped column frees goes back to the columns narrowed before it. Cells
 * are cut so the reader keeps what matters: a path loses folders from the left but keeps its file name,
 * a list keeps whole items and counts the rest as `+N`, anything else ends in `…`.
 */
import { displayWidth, padEnd, padStart, safeLine, shortenPath, truncate } from './text.js';

/** A cell that lists items: as many whole items as fit are shown, the rest counted as `+N`. */
export interface ListCell {
  items: readonly string[];
  /** Items left out before rendering, added to the `+N`. @default 0 */
  more?: number;
}

export type Cell = string | ListCell;

export interface Column {
  header: string;
  /** The column's name in fit steps. @default header */
  key?: string;
  /** Right-align (numbers). @default false */
  right?: boolean;
  /** Widest the column gets, even with room to spare. @default Infinity */
  max?: number;
  /**
   * How a cell too wide for the column is cut: at its end, or as a path from the left, keeping the file
   * name: fit steps narrow a path column no further than its widest file name and `…/` (at most
   * `PATH_NAME_ROOM` columns); only the last resort cuts into a name. @default 'end'
   */
  cut?: 'end' | 'path';
}

/** The most a path column keeps for its file names when fit steps narrow it: longer names are cut from the left. */
export const PATH_NAME_ROOM = 40;

/** One step of fitting a table to a width: narrow a column to at most `to` display columns, or drop it. */
export type FitStep = { narrow: string; to: number } | { drop: string };

export interface TableOptions {
  /** Widest a line may be, in display columns. @default Infinity */
  width?: number;
  /** How room is made when the table is too wide, tried in order until it fits. @default [] (only the last resort: the widest columns are cut) */
  fit?: readonly FitStep[];
}

/** A rendered table and the headers of the columns dropped to fit it. */
export interface FittedTable {
  text: string;
  dropped: string[];
}

function listText(items: readonly string[], rest: number, k: number): string {
  return items.slice(0, k).join(', ') + (rest > 0 ? `${k > 0 ? ' ' : ''}+${rest}` : '');
}

/** The most whole items that fit in `max` columns with the `+N` of the rest; `…` only when not even one does. */
function fitList(cell: ListCell, max: number): string {
  const { items } = cell;
  const more = cell.more ?? 0;
  // Prefix widths are summed once, so this stays linear in the number of items.
  let best = -1;
  let prefix = 0;
  for (let k = 1; k <= items.length; k++) {
    prefix += displayWidth(items[k - 1]!) + (k > 1 ? 2 : 0);
    const rest = items.length - k + more;
    const suffix = rest > 0 ? 2 + String(rest).length : 0;
    if (prefix + suffix > max) break;
    best = k;
  }
  if (best > 0) return listText(items, items.length - best + more, best);
  if (items.length === 0)
    return more > 0 && String(more).length + 1 <= max ? `+${more}` : truncate(listText(items, more, 0), max);
  // Not one whole item fits: the first, cut, still with the count of the rest.
  const rest = items.length - 1 + more;
  const suffix = rest > 0 ? ` +${rest}` : '';
  return max - suffix.length >= 2
    ? truncate(items[0]!, max - suffix.length) + suffix
    : truncate(listText(items, more, items.length), max);
}

/** The last segment of a path (after `/`, or `\\` on Windows). */
function fileNameOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), process.platform === 'win32' ? path.lastIndexOf('\\') : -1);
  return path.slice(cut + 1);
}

function naturalText(cell: Cell): string {
  return typeof cell === 'string' ? cell : listText(cell.items, cell.more ?? 0, cell.items.length);
}

function fitCell(cell: Cell, column: Column, width: number): string {
  if (typeof cell !== 'string') return fitList(cell, width);
  if (displayWidth(cell) <= width) return cell;
  return column.cut === 'path' ? shortenPath(cell, width) : truncate(cell, width);
}

/**
 * Column widths for `width`: natural widths, then the fit steps (none narrowing a column below its
 * `floor`), then a last resort that cuts the widest columns.
 */
function layout(
  columns: readonly Column[],
  natural: readonly number[],
  floors: readonly number[],
  options: TableOptions,
): { widths: number[]; kept: boolean[] } {
  const width = options.width ?? Infinity;
  const widths = [...natural];
  const kept = columns.map(() => true);
  const total = (): number => {
    let sum = 0;
    let n = 0;
    for (const [i, w] of widths.entries()) {
      if (!kept[i]) continue;
      sum += w;
      n++;
    }
    return sum + 2 * Math.max(0, n - 1);
  };
  const byKey = new Map(columns.map((c, i) => [c.key ?? c.header, i]));
  const narrowed: number[] = [];
  for (const step of options.fit ?? []) {
    const excess = total() - width;
    if (excess <= 0) break;
    const key = 'drop' in step ? step.drop : step.narrow;
    const i = byKey.get(key);
    if (i === undefined) throw new RangeError(`fit step names no column: ${key}`);
    if (!kept[i]) continue;
    if ('drop' in step) kept[i] = false;
    else if (widths[i]! > Math.max(step.to, floors[i]!)) {
      widths[i] = Math.max(step.to, floors[i]!, widths[i]! - excess);
      narrowed.push(i);
    }
  }
  // Narrower than the steps provide for: cut the widest kept column, a column at a time, none below 1.
  for (let excess = total() - width; excess > 0; excess--) {
    let widest = -1;
    for (const [i, w] of widths.entries()) if (kept[i] && w > 1 && (widest < 0 || w > widths[widest]!)) widest = i;
    if (widest < 0) break;
    widths[widest]!--;
  }
  // Room a dropped column freed goes back to the columns narrowed before, in the order they were narrowed.
  let slack = total() - width < 0 ? width - total() : 0;
  for (const i of narrowed) {
    if (!kept[i] || slack <= 0) continue;
    const give = Math.min(slack, natural[i]! - widths[i]!);
    widths[i]! += give;
    slack -= give;
  }
  return { widths, kept };
}

/** An aligned table (a header, a rule, one line per row) no wider than `options.width`, with the columns it dropped. */
export function fitTable(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  options: TableOptions = {},
): FittedTable {
  // Escaped before measuring, so the escapes are counted in the widths.
  const cells = rows.map((row) =>
    row.map(
      (cell): Cell =>
        typeof cell === 'string' ? safeLine(cell) : { items: cell.items.map(safeLine), more: cell.more ?? 0 },
    ),
  );
  const natural = columns.map((c, i) => {
    let w = displayWidth(c.header);
    for (const row of cells) w = Math.max(w, displayWidth(naturalText(row[i] ?? '')));
    return Math.min(w, c.max ?? Infinity);
  });
  // A path column keeps room for its file names (and `…/`), as far as PATH_NAME_ROOM.
  const floors = columns.map((c, i) => {
    if (c.cut !== 'path') return 0;
    let w = 0;
    for (const row of cells) {
      const cell = row[i];
      if (typeof cell === 'string') w = Math.max(w, displayWidth(fileNameOf(cell)) + 2);
    }
    return Math.min(w, PATH_NAME_ROOM, natural[i]!);
  });
  const { widths, kept } = layout(columns, natural, floors, options);
  const shown = columns.map((_, i) => i).filter((i) => kept[i]);
  const line = (texts: readonly string[]): string =>
    shown
      .map((i) => (columns[i]!.right ? padStart(texts[i]!, widths[i]!) : padEnd(texts[i]!, widths[i]!)))
      .join('  ')
      .trimEnd();
  const header = line(columns.map((c, i) => truncate(c.header, widths[i]!)));
  const rule = shown.map((i) => '─'.repeat(widths[i]!)).join('  ');
  const body = cells.map((row) => line(columns.map((c, i) => (kept[i] ? fitCell(row[i] ?? '', c, widths[i]!) : ''))));
  return {
    text: `${[header, rule, ...body].join('\n')}\n`,
    dropped: columns.filter((_, i) => !kept[i]).map((c) => c.header),
  };
}

/** `fitTable`'s text: an aligned table no wider than `options.width`. */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly Cell[])[],
  options: TableOptions = {},
): string {
  return fitTable(columns, rows, options).text;
}
