// The office's wall clock lives with the other date rules, shared by server and device.
export { localDateTime } from '../../shared/domain/dates';
