import { describe, expect, it } from 'vitest';
import { StableEta, Throttle, TransferMeter } from './progress';

function manualClock(start = 0) {
  const clock = { now: start, read: () => clock.now };
  return clock;
}

describe('TransferMeter', () => {
  it('knows no rate or ETA before two samples', () => {
    const clock = manualClock();
    const meter = new TransferMeter(clock.read);
    expect(meter.rate()).toBe(0);
    expect(meter.etaSeconds(100)).toBeNull();
    meter.record(500);
    expect(meter.rate()).toBe(0);
    expect(meter.etaSeconds(0)).toBe(0);
  });

  it('measures the rate over the recent window only', () => {
    const clock = manualClock();
    const meter = new TransferMeter(clock.read, 1000);
    // 10 s at 100 kB/s ...
    for (let second = 0; second <= 10; second++) {
      clock.now = second * 1000;
      meter.record(100_000);
    }
    expect(meter.rate()).toBeCloseTo(100_000);
    // ... then the link slows to 10 kB/s: after a window the rate shows it.
    for (let tenth = 1; tenth <= 20; tenth++) {
      clock.now = 10_000 + tenth * 100;
      meter.record(1000);
    }
    expect(meter.rate()).toBeCloseTo(10_000, -2);
    expect(meter.etaSeconds(50_000)).toBeCloseTo(5, 0);
  });
});

describe('StableEta', () => {
  it('guesses no time left in the first 2 s or the first 5% of the bytes', () => {
    const clock = manualClock();
    const eta = new StableEta(clock.read);
    const total = 10_400_000;
    // A burst at the start looks like a crawl: the old first guess for this file was "54 min 4 s".
    clock.now = 100;
    expect(eta.seconds(3_200, total, 3_200)).toBeNull();
    // Past 5% of the bytes but not yet 2 s in.
    clock.now = 1_500;
    expect(eta.seconds(1_500_000, total, 1_000_000)).toBeNull();
    // 2 s in and past 5%: a guess.
    clock.now = 2_100;
    expect(eta.seconds(2_000_000, total, 1_000_000)).toBeGreaterThan(0);
    // 2.5 s in but under 5% of the bytes (a slow link).
    const slowClock = manualClock();
    const slow = new StableEta(slowClock.read);
    slowClock.now = 2_500;
    expect(slow.seconds(100_000, total, 40_000)).toBeNull();
  });

  it('smooths the rate so one odd window does not swing the guess', () => {
    const clock = manualClock();
    const eta = new StableEta(clock.read);
    const total = 10_000_000;
    let loaded = 0;
    for (let tenth = 1; tenth <= 30; tenth++) {
      clock.now = tenth * 100;
      loaded += 100_000;
      eta.seconds(loaded, total, 1_000_000);
    }
    clock.now = 3_100;
    // The window suddenly reads ten times slower; a raw guess would jump from 7 s to 69 s.
    const guess = eta.seconds(loaded + 1_000, total, 100_000) ?? 0;
    expect(guess).toBeGreaterThan(6);
    expect(guess).toBeLessThan(10);
  });

  it('says 0 s once every byte is in', () => {
    const eta = new StableEta(manualClock().read);
    expect(eta.seconds(10, 10, 0)).toBe(0);
  });
});

describe('Throttle', () => {
  it('lets one event through per interval unless forced', () => {
    const clock = manualClock(1000);
    const throttle = new Throttle(100, clock.read);
    expect(throttle.take()).toBe(true);
    clock.now += 50;
    expect(throttle.take()).toBe(false);
    expect(throttle.take(true)).toBe(true);
    clock.now += 99;
    expect(throttle.take()).toBe(false);
    clock.now += 1;
    expect(throttle.take()).toBe(true);
  });
});
