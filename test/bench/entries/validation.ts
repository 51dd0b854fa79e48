/** The debtor check for the validation benchmark (bundled by bundledModule). */
export { validateDebtor } from '../../../nodes/shared/debtor/validate';
