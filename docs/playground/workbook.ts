/**
 * Playground, the workbook reader of the validate page: @welfare/sheets'
 * lean streaming reader (the platform's DecompressionStream, no exceljs),
 * bundled apart and loaded by a script tag only when a workbook is dropped,
 * so the page's first load stays within its budget (a classic script also
 * loads over file://, where module scripts and dynamic imports do not).
 */
import { Table, Workbook } from "@welfare/sheets"

/** What the validate page calls once this script has run. */
export interface WorkbookReader {
  readonly decode: typeof Workbook.decode
  readonly address: typeof Table.address
}

;(globalThis as { welfareWorkbook?: WorkbookReader }).welfareWorkbook = {
  decode: Workbook.decode,
  address: Table.address
}
