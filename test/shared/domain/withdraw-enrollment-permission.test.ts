import { describe, expect, it } from 'vitest';
import { mayWithdrawEnrollment } from '../../../src/shared/domain/permissions';

describe('who may withdraw an enrolment made in error', () => {
  it('is the staff of the cohort\'s own provider, or an admin', () => {
    expect(mayWithdrawEnrollment({ role: 'provider-staff', providerId: 'lpk-a' }, 'lpk-a')).toBe(true);
    expect(mayWithdrawEnrollment({ role: 'admin', providerId: null }, 'lpk-a')).toBe(true);
  });

  it('is never another provider\'s staff, an officer or a supervisor', () => {
    expect(mayWithdrawEnrollment({ role: 'provider-staff', providerId: 'lpk-b' }, 'lpk-a')).toBe(false);
    expect(mayWithdrawEnrollment({ role: 'provider-staff', providerId: null }, 'lpk-a')).toBe(false);
    expect(mayWithdrawEnrollment({ role: 'officer', providerId: null }, 'lpk-a')).toBe(false);
    expect(mayWithdrawEnrollment({ role: 'supervisor', providerId: null }, 'lpk-a')).toBe(false);
  });
});
