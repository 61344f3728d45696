// The CSV layout of a cohort export (docs/data-format.md): the files, their columns, and what
// each column fills and requires.

export type Kind = 'id' | 'date' | 'psa' | 'number' | 'grade' | 'text';

export interface ColumnSpec {
  /** Header name, lower case. */
  readonly name: string;
  /** The Patient (or series item) field it fills. */
  readonly field: string;
  /** Column must be in the header and its cells must not be empty. */
  readonly required: boolean;
  readonly kind: Kind;
}

export type SeriesField = 'psa' | 'complications' | 'testosterone';

export const PATIENT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', field: 'id', required: true, kind: 'id' },
  { name: 'surgery_date', field: 'surgeryDate', required: true, kind: 'date' },
  { name: 'prostatectomy_date', field: 'prostatectomyDate', required: false, kind: 'date' },
  { name: 'adt_start_date', field: 'adtStartDate', required: false, kind: 'date' },
  {
    name: 'castration_resistance_date',
    field: 'castrationResistanceDate',
    required: false,
    kind: 'date',
  },
  {
    name: 'distant_metastasis_date',
    field: 'distantMetastasisDate',
    required: false,
    kind: 'date',
  },
  { name: 'death_date', field: 'deathDate', required: false, kind: 'date' },
  { name: 'death_cause', field: 'deathCause', required: false, kind: 'text' },
  { name: 'last_follow_up_date', field: 'lastFollowUpDate', required: true, kind: 'date' },
  { name: 'last_imaging_date', field: 'lastImagingDate', required: false, kind: 'date' },
];

export const PATIENT_ID: ColumnSpec = { name: 'patient_id', field: '', required: true, kind: 'id' };
export const DATE: ColumnSpec = { name: 'date', field: 'date', required: true, kind: 'date' };

export const SERIES_COLUMNS: Readonly<Record<SeriesField, readonly ColumnSpec[]>> = {
  psa: [PATIENT_ID, DATE, { name: 'value', field: 'value', required: true, kind: 'psa' }],
  complications: [
    PATIENT_ID,
    DATE,
    { name: 'grade', field: 'grade', required: true, kind: 'grade' },
    { name: 'description', field: 'description', required: false, kind: 'text' },
  ],
  testosterone: [
    PATIENT_ID,
    DATE,
    { name: 'value', field: 'value', required: true, kind: 'number' },
  ],
};

export const FILE_NAMES = {
  patients: 'patients.csv',
  psa: 'psa.csv',
  complications: 'complications.csv',
  testosterone: 'testosterone.csv',
} as const;

export type FileKey = keyof typeof FILE_NAMES;
