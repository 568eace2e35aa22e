import { describe, expect, it } from 'vitest';
import { Throttle, TransferMeter } from './progress';

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
