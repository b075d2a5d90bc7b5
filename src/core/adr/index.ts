// The ADR engine's public API: find, read, lint, edit and create decision records.
export { decodeAdrText } from './decode';
export { discoverAdrs, type Discovery } from './discover';
export { parseAdr } from './parse';
export { readAdrs, MAX_RECORD_BYTES } from './read';
export { lintAdrs } from './lint';
export { normalizeStatus } from './status';
export { normalizeDate } from './dates';
export type { AdrEdit, AdrTextEdit } from './types';
export { planAdrEdit, applyAdrTextEdits, planSupersede } from './edit';
export { createAdr, slugify, type CreateAdrOptions, type CreatedAdr } from './create';
export { readConfined, writeConfined } from './write-file';
export { editRecordFile, type RecordFileEdit } from './edit-file';
export { confineExisting, confineNew, recheckConfined, WriteRefusedError, type ConfinedFile, type WriteRefusal } from './confine';
