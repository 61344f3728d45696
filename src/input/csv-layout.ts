// The CSV layout of a cohort export (docs/data-format.md): the files, their columns, and what
// each column fills and requires.
import {
  COMPLICATION_CATEGORIES,
  DEATH_CAUSES,
  IMAGING_MODALITIES,
  IMAGING_REGIONS,
  PATHOLOGICAL_NODES,
  PATHOLOGICAL_STAGES,
  SURGICAL_MARGINS,
} from '../model/types.js';

/**
 * How a cell is read: an id or free text as written; a calendar date; a PSA value (`<0.03`
 * for undetectable); a number >= 0; an integer >= 0 (a count); a Clavien-Dindo grade; a yes/no
 * boolean; one of `values` (`choice`); several of `values` separated by `|` (`list`).
 */
export type Kind =
  | 'id'
  | 'date'
  | 'psa'
  | 'number'
  | 'integer'
  | 'grade'
  | 'text'
  | 'boolean'
  | 'choice'
  | 'list';

export interface ColumnSpec {
  /** Header name, lower case. */
  readonly name: string;
  /**
   * The Patient (or series item) field it fills; a dotted path for a nested field
   * (`imaging.date`).
   */
  readonly field: string;
  /** Column must be in the header and its cells must not be empty. */
  readonly required: boolean;
  readonly kind: Kind;
  /** The values a `choice` or `list` cell may hold, as the model spells them. */
  readonly values?: readonly string[];
}

/** The separator of the values of a `list` cell (`pelvic|retroperitoneal`). */
export const LIST_SEPARATOR = '|';

export type SeriesField = 'psa' | 'complications' | 'testosterone';

const optional = (name: string, field: string, kind: Kind, values?: readonly string[]) =>
  values === undefined
    ? { name, field, required: false, kind }
    : { name, field, required: false, kind, values };

export const PATIENT_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', field: 'id', required: true, kind: 'id' },
  { name: 'surgery_date', field: 'surgeryDate', required: true, kind: 'date' },
  optional('prostatectomy_date', 'prostatectomyDate', 'date'),
  optional('adt_start_date', 'adtStartDate', 'date'),
  optional('castration_resistance_date', 'castrationResistanceDate', 'date'),
  optional('distant_metastasis_date', 'distantMetastasisDate', 'date'),
  optional('death_date', 'deathDate', 'date'),
  optional('death_cause', 'deathCause', 'choice', DEATH_CAUSES),
  { name: 'last_follow_up_date', field: 'lastFollowUpDate', required: true, kind: 'date' },
  optional('last_imaging_date', 'lastImagingDate', 'date'),
  // Baseline characteristics (issue 14): all optional.
  optional('age_at_surgery', 'ageAtSurgery', 'number'),
  optional('isup_grade_group', 'isupGradeGroup', 'integer'),
  optional('pathological_stage', 'pathologicalStage', 'choice', PATHOLOGICAL_STAGES),
  optional('pathological_nodes', 'pathologicalNodes', 'choice', PATHOLOGICAL_NODES),
  optional('surgical_margin', 'surgicalMargin', 'choice', SURGICAL_MARGINS),
  optional('biochemical_recurrence_date', 'biochemicalRecurrenceDate', 'date'),
  optional('prior_salvage_radiotherapy', 'priorSalvageRadiotherapy', 'boolean'),
  optional('prior_adt', 'priorAdt', 'boolean'),
  optional('imaging_date', 'imaging.date', 'date'),
  optional('imaging_modality', 'imaging.modality', 'choice', IMAGING_MODALITIES),
  optional('imaging_positive_nodes', 'imaging.positiveNodes', 'integer'),
  optional('imaging_regions', 'imaging.regions', 'list', IMAGING_REGIONS),
  optional('nodes_removed', 'nodesRemoved', 'integer'),
  optional('nodes_positive', 'nodesPositive', 'integer'),
];

export const PATIENT_ID: ColumnSpec = { name: 'patient_id', field: '', required: true, kind: 'id' };
export const DATE: ColumnSpec = { name: 'date', field: 'date', required: true, kind: 'date' };

export const SERIES_COLUMNS: Readonly<Record<SeriesField, readonly ColumnSpec[]>> = {
  psa: [PATIENT_ID, DATE, { name: 'value', field: 'value', required: true, kind: 'psa' }],
  complications: [
    PATIENT_ID,
    DATE,
    { name: 'grade', field: 'grade', required: true, kind: 'grade' },
    optional('description', 'description', 'text'),
    optional('category', 'category', 'choice', COMPLICATION_CATEGORIES),
    optional('intraoperative', 'intraoperative', 'boolean'),
  ],
  testosterone: [
    PATIENT_ID,
    DATE,
    { name: 'value', field: 'value', required: true, kind: 'number' },
  ],
};

/** `not-operated.csv`: enrolled patients who were not operated, one row each. */
export const NOT_OPERATED_COLUMNS: readonly ColumnSpec[] = [
  { name: 'id', field: 'id', required: true, kind: 'id' },
  optional('enrollment_date', 'enrollmentDate', 'date'),
  { name: 'reason', field: 'reason', required: true, kind: 'text' },
];

/** The steps of `screening.csv`: one `assessed` row, then one `excluded` row per reason. */
export const SCREENING_STEPS: readonly string[] = Object.freeze(['assessed', 'excluded']);

/** `screening.csv`: how many patients were assessed, and how many excluded for each reason. */
export const SCREENING_COLUMNS: readonly ColumnSpec[] = [
  { name: 'step', field: 'step', required: true, kind: 'choice', values: SCREENING_STEPS },
  optional('reason', 'reason', 'text'),
  { name: 'count', field: 'count', required: true, kind: 'integer' },
];

/** The files of a CSV export, by the key of `CohortCsvFiles`. */
export const FILE_NAMES = {
  patients: 'patients.csv',
  psa: 'psa.csv',
  complications: 'complications.csv',
  testosterone: 'testosterone.csv',
  notOperated: 'not-operated.csv',
  screening: 'screening.csv',
} as const;

export type FileKey = keyof typeof FILE_NAMES;

/** The columns of each file. */
export const FILE_COLUMNS: Readonly<Record<FileKey, readonly ColumnSpec[]>> = {
  patients: PATIENT_COLUMNS,
  ...SERIES_COLUMNS,
  notOperated: NOT_OPERATED_COLUMNS,
  screening: SCREENING_COLUMNS,
};

/** The file key of a file name (`'psa.csv'` → `'psa'`), or undefined. */
export function fileKeyOf(name: string): FileKey | undefined {
  return (Object.keys(FILE_NAMES) as FileKey[]).find((key) => FILE_NAMES[key] === name);
}
