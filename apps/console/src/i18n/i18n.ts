import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { fr } from './fr';

/** One place for every string the console shows: `fr.ts`. Another language is one more resource here. */
void i18next.use(initReactI18next).init({
  lng: 'fr',
  fallbackLng: 'fr',
  resources: { fr: { translation: fr } },
  interpolation: { escapeValue: false },
  initAsync: false,
});

export const t = i18next.t.bind(i18next);
export default i18next;
