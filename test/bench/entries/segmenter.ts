/** The Debtor Segmenter's domain for the benchmark's without-n8n figures (bundled by bundledModule). */
export { CheckedDates } from '../../../nodes/shared/calendar/checkedDates';
export { dayNumber } from '../../../nodes/shared/calendar/days';
export { validateDebtor } from '../../../nodes/shared/debtor/validate';
export { DEFAULT_SEGMENTATION_SETTINGS, segmentDebtor, segmenterFieldSelection } from '../../../nodes/shared/segmentation';
