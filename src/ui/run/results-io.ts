import { makeResults, readResults, serializeResults } from '../../io/results';
import { resultsToCsv } from '../../io/results-csv';
import type { LabState } from '../../store/types';
import { fromSweepInfo, toSweepInfo } from './sweep-info';

/** The study's records and sweeps as a dslab.results document (JSON text). */
export const resultsJson = (s: Pick<LabState, 'records' | 'sweeps'>, createdAt?: string): string =>
  serializeResults(makeResults(s.records, { sweeps: s.sweeps.map(toSweepInfo), createdAt }));

export const resultsCsv = (s: Pick<LabState, 'records'>): string => resultsToCsv(s.records);

/**
 * Adds a results file to the study (records with a known id are replaced). A bad file changes nothing
 * and shows an error naming the problem; warnings of a readable file are shown too.
 */
export function importResults(
  s: Pick<LabState, 'addRecords' | 'pushMessage'>,
  text: string,
  fileName: string,
): boolean {
  try {
    const { doc, warnings } = readResults(text, fileName);
    s.addRecords(
      doc.records,
      (doc.sweeps ?? []).map((info) => fromSweepInfo(info, doc.records)),
    );
    for (const w of warnings.slice(0, 5)) s.pushMessage('warning', `${fileName}: ${w}`);
    s.pushMessage('info', `Imported ${doc.records.length} models from ${fileName}.`);
    return true;
  } catch (e) {
    s.pushMessage('error', `Cannot import ${fileName}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}
