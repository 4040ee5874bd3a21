import { describe, expect, it } from 'vitest';
import { ABSORPTION_FIGURES } from '../../../src/shared/api/reports.api';
import { FIGURE_NAME, STATUS_NAME } from '../../../src/shared/domain/glossary';
import { FIGURE_COLUMNS } from '../../../src/server/export/figure-columns';
import { STATUS_LABEL } from '../../../src/server/export/labels';

describe('one name per figure', () => {
  it('gives every figure a distinct name', () => {
    const names = ABSORPTION_FIGURES.map((figure) => FIGURE_NAME[figure]);
    expect(new Set(names).size).toBe(ABSORPTION_FIGURES.length);
  });

  it('heads the export columns with the glossary names, in the report order', () => {
    expect(FIGURE_COLUMNS.map((column) => column.header)).toEqual(ABSORPTION_FIGURES.map((figure) => FIGURE_NAME[figure]));
  });

  it('names a status in exports as the figure that counts it', () => {
    expect(STATUS_LABEL).toEqual(STATUS_NAME);
    expect(STATUS_NAME.business).toBe('Berwirausaha');
    expect(STATUS_NAME['never-contacted']).toBe('Belum pernah dihubungi');
  });
});
