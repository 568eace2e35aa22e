import { describe, expect, it } from 'vitest';
import { keepsNumbers, maskNumbers, numbersOf } from './numbers';

describe('numbersOf / keepsNumbers', () => {
  it('compares the digit groups of numbers whatever separates them, in any order', () => {
    expect(numbersOf('Pay 1,250.50 by 10:30 on 2024-05-01, item 7')).toEqual(
      ['1|250|50', '10|30', '2024|05|01', '7'].sort(),
    );
    expect(keepsNumbers('It costs 1,250 euros, 3 times.', 'Cuesta 3 veces 1.250 euros.')).toBe(true);
    expect(keepsNumbers('It costs 1,250.50 euros.', 'Cuesta 1.250,50 euros.')).toBe(true);
    expect(keepsNumbers('It grew 2.5 percent.', 'Creció un 2,5 por ciento.')).toBe(true);
    expect(keepsNumbers('It grew 2.5 percent.', 'Creció un 25 por ciento.')).toBe(false);
    expect(keepsNumbers('She was born in 1987.', 'Ella nació en 1988.')).toBe(false);
    expect(keepsNumbers('I have 3 children and 2 dogs.', 'Tengo 3 hijos y perros.')).toBe(false);
    expect(keepsNumbers('No numbers here.', 'Aquí no hay números.')).toBe(true);
    expect(keepsNumbers('No numbers here.', 'Capítulo 1.')).toBe(false);
  });
});

describe('maskNumbers', () => {
  it('swaps each number for a digit the sentence does not use, and puts them back', () => {
    const mask = maskNumbers('Born in 1987, she has 2 sons.');
    expect(mask?.masked).toBe('Born in 3, she has 4 sons.');
    expect(mask?.restore('Nacida en 3, tiene 4 hijos.')).toBe('Nacida en 1987, tiene 2 hijos.');
    expect(mask?.restore('Tiene 4 hijos, nacida en 3.')).toBe('Tiene 2 hijos, nacida en 1987.');
  });

  it('gives up when a stand-in is lost, repeated or changed', () => {
    const mask = maskNumbers('Born in 1987, she has 2 sons.');
    expect(mask?.restore('Nacida en 3, tiene hijos.')).toBeUndefined();
    expect(mask?.restore('Nacida en 3, 3 hijos.')).toBeUndefined();
    expect(mask?.restore('Nacida en 3, tiene 5 hijos.')).toBeUndefined();
    expect(mask?.restore('Nacida en 34, tiene hijos.')).toBeUndefined();
  });

  it('needs a free digit per number', () => {
    expect(maskNumbers('No numbers.')).toBeUndefined();
    expect(maskNumbers('1 2 3 4 5 6 7 8 9 10')).toBeUndefined();
  });
});
