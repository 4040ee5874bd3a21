import * as v from 'valibot';
import { DeletableFields, requiredText } from './common.schema';

/**
 * One kelurahan of the office's area, under its kecamatan ("Bontang Utara" / "Api-Api"):
 * the reference list the contact form and the worklist filter choose from, so that one
 * place is never spelled three ways.
 */
export const AreaPlaceSchema = v.object({
  ...DeletableFields,
  kecamatan: requiredText(80),
  kelurahan: requiredText(80),
});
export type AreaPlace = v.InferOutput<typeof AreaPlaceSchema>;
