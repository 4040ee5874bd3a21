import * as v from 'valibot';
import { DeletableFields, PhoneSchema, choice, optionalText, requiredText } from './common.schema';

export const PROVIDER_KINDS = ['lpk', 'blk', 'agency'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** A training provider (LPK, BLK or the office's own agency courses). */
export const ProviderSchema = v.object({
  ...DeletableFields,
  name: requiredText(120),
  kind: choice(PROVIDER_KINDS),
  address: optionalText(300),
  phone: v.nullable(PhoneSchema),
});
export type Provider = v.InferOutput<typeof ProviderSchema>;
