import { FixedClock } from '@otr/kernel';
import { FeesScheduler, schedulerSettings } from './scheduler';

describe('the scheduler’s reconciliation job (对账)', () => {
  afterEach(() => jest.useRealTimers());

  it('is on by default, hourly, and off with the rest of the scheduler', () => {
    expect(schedulerSettings({}).reconcileIntervalMs).toBe(60 * 60_000);
    expect(schedulerSettings({ FEES_RECONCILE_INTERVAL_MS: '5000' }).reconcileIntervalMs).toBe(5000);
    expect(schedulerSettings({ FEES_SCHEDULER: 'off' }).reconcileIntervalMs).toBe(0);
  });

  it('reconciles yesterday’s statements on its timer, without anyone asking', async () => {
    jest.useFakeTimers();
    const clock = new FixedClock('2026-09-02T02:00:00Z');
    const reconcileDue = jest.fn().mockResolvedValue([{ result: 'matched' }, { result: 'mismatch' }]);
    const bank = { connected: true, reconcileDue, dispatchInstructions: jest.fn() };
    const fees = { today: () => clock.now().toISOString().slice(0, 10) };
    const log = { error: jest.fn(), warn: jest.fn() };
    const scheduler = new FeesScheduler(
      log as never,
      fees as never,
      {} as never,
      {} as never,
      {} as never,
      bank as never,
      {} as never,
      { workerIntervalMs: 0, sweepIntervalMs: 0, reconcileIntervalMs: 60_000 },
    );
    scheduler.onApplicationBootstrap();
    expect(reconcileDue).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(reconcileDue).toHaveBeenCalledWith(
      '2026-09-01',
      expect.objectContaining({ correlationId: expect.any(String) }),
    );
    scheduler.beforeApplicationShutdown();
    await expect(scheduler.reconcile()).resolves.toEqual({ date: '2026-09-01', runs: 2, mismatches: 1 });
  });
});
