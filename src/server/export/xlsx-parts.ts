import { xmlLegal, xmlText } from './xml-text';

/**
 * The fixed parts of a one-sheet XLSX workbook (Office Open XML, SpreadsheetML): the
 * package's content types and relationships, the workbook, its properties and styles.
 * The sheet itself is written row by row, see xlsx-sheet-xml.ts.
 */

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export const SHEET_PATH = 'xl/worksheets/sheet1.xml';

/** Indexes into `cellXfs` below: what a cell's `s` attribute names. */
export const STYLE = { normal: 0, header: 1, date: 2, datetime: 3, percent: 4 } as const;

export const CONTENT_TYPES =
  `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/xl/workbook.xml" ContentType="${SHEET_MAIN}.sheet.main+xml"/>` +
  `<Override PartName="/${SHEET_PATH}" ContentType="${SHEET_MAIN}.worksheet+xml"/>` +
  `<Override PartName="/xl/styles.xml" ContentType="${SHEET_MAIN}.styles+xml"/>` +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

export const ROOT_RELS =
  `${DECLARATION}<Relationships xmlns="${RELS}">` +
  `<Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="${DOC_RELS}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

export const APP_PROPERTIES =
  `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
  '<Application>Jejak</Application></Properties>';

export const WORKBOOK_RELS =
  `${DECLARATION}<Relationships xmlns="${RELS}">` +
  `<Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${DOC_RELS}/styles" Target="styles.xml"/>` +
  '</Relationships>';

const xf = (numFmtId: number, fontId = 0) =>
  `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"` +
  `${fontId === 0 ? '' : ' applyFont="1"'}${numFmtId === 0 ? '' : ' applyNumberFormat="1"'}/>`;

/** Custom number formats take ids from 164 up; the `cellXfs` order is `STYLE`'s. */
export const STYLES =
  `${DECLARATION}<styleSheet xmlns="${MAIN}">` +
  '<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>' +
  '<numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="5">${xf(0)}${xf(0, 1)}${xf(164)}${xf(165)}${xf(166)}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

export function workbookXml(sheet: string): string {
  return (
    `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}">` +
    '<bookViews><workbookView/></bookViews>' +
    `<sheets><sheet name="${xmlText(sheetName(sheet))}" sheetId="1" r:id="rId1"/></sheets></workbook>`
  );
}

/**
 * A name Excel accepts for a sheet: none of `\ / ? * [ ] :`, no `'` at either end, not
 * empty, and at most 31 characters (counted as Excel does, in UTF-16 units, without
 * cutting a character in two).
 */
export function sheetName(name: string): string {
  let clean = xmlLegal(name).replace(/[\\/?*[\]:]/g, ' ').replace(/^'+|'+$/g, '').trim();
  if (clean.length > 31) clean = clean.slice(0, /[\uD800-\uDBFF]/.test(clean.charAt(30)) ? 30 : 31).trimEnd();
  return clean === '' ? 'Sheet1' : clean;
}
