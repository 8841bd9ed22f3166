import { exportBatch, markBatchSent, settleLine } from '../payouts/transfer-batches';
import type { DemoDriver } from './demo-driver';
import { queuedInstalment } from './demo-scenarios';

/** How many rounds of transfers the demo sends to the bank and settles (paid instalments per transfer case). */
export const TRANSFER_ROUNDS_PAID = 2;

/**
 * The payout realisation team's rounds for the demo's transfer cases, as on the payouts page: the batch with the
 * queued instalments is exported (frozen file), marked sent to the bank, and each line confirmed from the bank's
 * statement; the next instalment then comes into a new batch. After the paid rounds, the next instalments stay
 * queued in an open batch (unpaid), the later months scheduled.
 */
export async function settleTransferRounds(driver: DemoDriver, roots: string[]): Promise<void> {
  if (roots.length === 0) return;
  const realisation = await driver.user('demo-services-admin');
  const decisions = await Promise.all(roots.map((root) => driver.decision(root)));
  for (let round = 1; round <= TRANSFER_ROUNDS_PAID + 1; round += 1) {
    const lines = await Promise.all(decisions.map((d) => queuedInstalment(driver, d.id, round)));
    if (round > TRANSFER_ROUNDS_PAID) return;
    for (const batchId of new Set(lines.map((line) => line.batchId))) {
      await exportBatch(driver.deps.db, batchId, realisation.id);
      await markBatchSent(driver.deps.db, batchId, realisation.id);
      for (const line of lines.filter((l) => l.batchId === batchId)) {
        await settleLine(driver.deps, {
          batchId,
          instalmentId: line.instalmentId,
          result: 'confirmed',
          userId: realisation.id,
        });
      }
    }
  }
}
