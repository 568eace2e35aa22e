import { useEffect, useRef, useState } from 'react';
import { readSetting, writeSetting } from '../preferences';

const WRITE_DELAY_MS = 400;

/**
 * A string kept in localStorage across reloads. A long contract is written once typing pauses, not on every key,
 * and at once when the page is hidden or left, so nothing typed is lost to a reload.
 */
export function usePersistedText(key: string): [string, (value: string) => void] {
  const [value, setValue] = useState(() => readSetting(key) ?? '');
  const latest = useRef(value);
  const pending = useRef(false);

  useEffect(() => {
    latest.current = value;
    pending.current = true;
    const timer = setTimeout(() => {
      writeSetting(key, value);
      pending.current = false;
    }, WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [key, value]);

  useEffect(() => {
    const flush = () => {
      if (!pending.current) return;
      writeSetting(key, latest.current);
      pending.current = false;
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [key]);

  return [value, setValue];
}
