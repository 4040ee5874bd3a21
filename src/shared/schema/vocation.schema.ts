import * as v from 'valibot';
import { DeletableFields, requiredText } from './common.schema';

/** What a course teaches: "Barbershop", "Pengelasan", "Tata rias"… */
export const VocationSchema = v.object({
  ...DeletableFields,
  name: requiredText(120),
});
export type Vocation = v.InferOutput<typeof VocationSchema>;
