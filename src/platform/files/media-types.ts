/**
 * The file name extensions each media type may carry. A name whose extension is not listed for
 * the type detected from the content is refused (a PNG named `.pdf`), because other systems and
 * people trust the name. Types not listed here accept the one extension file-type reports.
 */
export const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/tiff': ['tif', 'tiff'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  // STEP physical files (ISO 10303-21), detected by their header: IFC building models.
  'model/step': ['ifc', 'stp', 'step'],
};

/** What citizens attach to applications and appeals by default: scans and documents. */
export const DOCUMENT_TYPES: readonly string[] = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
];

/** Short names for messages: "PDF, JPG, PNG". */
export const typeLabels = (types: readonly string[]): string =>
  types.map((type) => (EXTENSIONS[type]?.[0] ?? type).toUpperCase()).join(', ');
