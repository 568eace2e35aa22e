import { describe, expect, it } from 'vitest';
import { contractArticles } from './articles';

describe('contractArticles', () => {
  it('contracts a Spanish preposition with the article before a term, keeping its capital', () => {
    expect(contractArticles('pagará a el Licenciante', ['Licenciante'], 'es')).toBe('pagará al Licenciante');
    expect(contractArticles('la firma de el Licenciante', ['Licenciante'], 'es')).toBe(
      'la firma del Licenciante',
    );
    expect(contractArticles('De el licenciante nada.', ['Licenciante'], 'es')).toBe('Del licenciante nada.');
    expect(contractArticles('A el Licenciante le pagará.', ['Licenciante'], 'es')).toBe(
      'Al Licenciante le pagará.',
    );
  });

  it("contracts with the term's own article, and writes an article once", () => {
    expect(contractArticles('pagará a el Licenciante', ['el Licenciante'], 'es')).toBe(
      'pagará al Licenciante',
    );
    expect(contractArticles('pagará al el Licenciante', ['el Licenciante'], 'es')).toBe(
      'pagará al Licenciante',
    );
    expect(contractArticles('firma el el Licenciante', ['el Licenciante'], 'es')).toBe(
      'firma el Licenciante',
    );
    expect(contractArticles('El el Licenciante firma.', ['el Licenciante'], 'es')).toBe(
      'El Licenciante firma.',
    );
    expect(contractArticles('los derechos de la el Licenciante', ['el Licenciante'], 'es')).toBe(
      'los derechos del Licenciante',
    );
    expect(contractArticles('pagará al la Parte', ['la Parte'], 'es')).toBe('pagará a la Parte');
    expect(contractArticles("l'accord des les Parties", ['les Parties'], 'fr')).toBe("l'accord des Parties");
    expect(contractArticles('les droits de la le Concédant', ['le Concédant'], 'fr')).toBe(
      'les droits du Concédant',
    );
  });

  it('writes the same article once in German and English', () => {
    expect(contractArticles('Der der Lizenzgeber zahlt.', ['der Lizenzgeber'], 'de')).toBe(
      'Der Lizenzgeber zahlt.',
    );
    expect(contractArticles('pays the the Licensor', ['the Licensor'], 'en')).toBe('pays the Licensor');
  });

  it('contracts French "de le", "à le", "de les" and "à les"', () => {
    expect(contractArticles('le paiement de le Concédant', ['Concédant'], 'fr')).toBe(
      'le paiement du Concédant',
    );
    expect(contractArticles('payer à le Concédant', ['Concédant'], 'fr')).toBe('payer au Concédant');
    expect(contractArticles("l'accord de les Parties", ['Parties'], 'fr')).toBe("l'accord des Parties");
    expect(contractArticles('À les Parties de signer.', ['Parties'], 'fr')).toBe('Aux Parties de signer.');
    expect(contractArticles('payer à le Concédant', ['le Concédant'], 'fr')).toBe('payer au Concédant');
  });

  it('touches nothing away from a term, a capitalised article, or a language without contractions', () => {
    expect(contractArticles('a el mercado y a el Licenciante', ['Licenciante'], 'es')).toBe(
      'a el mercado y al Licenciante',
    );
    expect(contractArticles('la oficina de El Salvador', ['Salvador'], 'es')).toBe(
      'la oficina de El Salvador',
    );
    expect(contractArticles('pagará a él Licenciante', ['Licenciante'], 'es')).toBe(
      'pagará a él Licenciante',
    );
    expect(contractArticles('pay to the Licensor', ['Licensor'], 'en')).toBe('pay to the Licensor');
    expect(contractArticles('zahlt dem der Lizenzgeber', ['der Lizenzgeber'], 'de')).toBe(
      'zahlt dem der Lizenzgeber',
    );
    expect(contractArticles('pagará a el Licenciante', ['Licenciante'], 'it')).toBe(
      'pagará a el Licenciante',
    );
    expect(contractArticles('pagará al Licenciante', ['Licenciante'], 'es')).toBe('pagará al Licenciante');
    expect(contractArticles('de la Licenciante', ['Licenciante'], 'es')).toBe('de la Licenciante');
  });

  it('sets every occurrence right, of each term', () => {
    expect(
      contractArticles(
        'de el Licenciante a el Licenciatario y de el Licenciante',
        ['Licenciante', 'Licenciatario'],
        'es',
      ),
    ).toBe('del Licenciante al Licenciatario y del Licenciante');
  });
});
