import { describe, expect, it } from 'vitest';
import { guessLanguage, guessLineLanguages } from './text-language';

describe('guessLanguage', () => {
  it.each([
    [
      'en',
      'We may terminate your account at any time and for any reason, and you agree to the terms of the service.',
    ],
    [
      'de',
      'Wir können Ihr Konto jederzeit kündigen, und Sie stimmen den Bedingungen für die Nutzung des Dienstes zu.',
    ],
    [
      'it',
      'Possiamo chiudere il tuo account in qualsiasi momento e per qualsiasi motivo, e non sono previsti rimborsi per gli utenti.',
    ],
    [
      'pl',
      'Możemy zamknąć konto w dowolnym momencie i z dowolnego powodu, a użytkownik nie ma prawa do zwrotu opłat przez serwis.',
    ],
    [
      'es',
      'Podemos cancelar su cuenta en cualquier momento y por cualquier motivo, y los usuarios aceptan las condiciones del servicio.',
    ],
    [
      'fr',
      'Nous pouvons fermer votre compte à tout moment et pour toute raison, et vous acceptez les conditions du service.',
    ],
  ])('%s', (language, text) => expect(guessLanguage(text)).toBe(language));

  it('says nothing for text too short or unclear', () => {
    expect(guessLanguage('Hello')).toBeUndefined();
    expect(guessLanguage('1.1 2.2 3.3 4.4 5.5 6.6')).toBeUndefined();
    expect(guessLanguage('Acme Widget Pro Max Ultra Deluxe Edition Gold')).toBeUndefined();
  });
});

describe('guessLineLanguages', () => {
  it('gives a short line the language of the lines around it, a clear line its own', () => {
    const lines = [
      'Wir können Ihr Konto jederzeit kündigen, und Sie stimmen den Bedingungen für die Nutzung des Dienstes zu.',
      'Haftung',
      'Diese Bedingungen unterliegen dem Recht der Bundesrepublik Deutschland, und der Gerichtsstand ist München.',
      'Wir haften nicht für Schäden, die durch die Nutzung des Dienstes entstehen, es sei denn, sie sind vorsätzlich.',
      'You agree to the terms of the service and to the rules of the site for the whole time you use it.',
    ];
    expect(guessLineLanguages(lines)).toEqual(['de', 'de', 'de', 'de', 'en']);
    expect(guessLineLanguages(['Haftung'])).toEqual([undefined]);
  });
});
