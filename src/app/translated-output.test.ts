import { describe, expect, it } from 'vitest';
import { NO_OUTPUT, parseStoredOutput, storedOutput } from './translated-output';

describe('stored output', () => {
  it('round-trips the text with its language', () => {
    const output = { text: 'El gato está en la mesa.\n\nHola.', language: 'es' };
    expect(parseStoredOutput(storedOutput(output))).toEqual(output);
  });

  it('round-trips the sentences marked unsure, and drops what is not a sentence', () => {
    const output = { text: 'Hola. Seis (60).', language: 'es', unsure: ['Seis (60).'] };
    expect(parseStoredOutput(storedOutput(output))).toEqual(output);
    expect(parseStoredOutput('{"text":"Hola.","language":"es","unsure":[3,"Hola."]}')).toEqual({
      text: 'Hola.',
      language: 'es',
      unsure: ['Hola.'],
    });
  });

  it('reads nothing, damaged or foreign values as no output', () => {
    expect(parseStoredOutput(null)).toEqual(NO_OUTPUT);
    expect(parseStoredOutput('')).toEqual(NO_OUTPUT);
    expect(parseStoredOutput('{"text":')).toEqual(NO_OUTPUT);
    expect(parseStoredOutput('"just a string"')).toEqual(NO_OUTPUT);
    expect(parseStoredOutput('null')).toEqual(NO_OUTPUT);
    expect(parseStoredOutput('{"text":"Hola"}')).toEqual(NO_OUTPUT);
    expect(parseStoredOutput('{"text":3,"language":"es"}')).toEqual(NO_OUTPUT);
  });
});
