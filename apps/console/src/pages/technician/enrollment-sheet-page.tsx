import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { Button } from '../../components/fields';
import { formatDateTime } from '../../lib/format';
import { t } from '../../i18n/i18n';

export interface EnrollmentToken {
  token: string;
  expiresAt: string;
  enrollUrl: string;
  qrPng: string;
  androidQrPng?: string;
  packName?: string;
}

const key = (packId: string) => `socle.enrollmentSheet.${packId}`;

/** The token is shown once by the API: the sheet keeps it only in this tab, until it is closed. */
export function saveSheet(packId: string, token: EnrollmentToken) {
  sessionStorage.setItem(key(packId), JSON.stringify(token));
}

const asImage = (png: string) => (png.startsWith('data:') ? png : `data:image/png;base64,${png}`);

/** An A4 sheet to print and put in the cart: the QR code, the token in words, its expiry; nothing else on paper. */
export function EnrollmentSheetPage() {
  const { id } = useParams();
  const saved = sessionStorage.getItem(key(id!));
  const token = saved ? (JSON.parse(saved) as EnrollmentToken) : null;
  useEffect(() => {
    document.title = `${t('technician.sheet.title')} — ${t('app.name')}`;
  }, []);
  return (
    <main id="contenu" className="sheet">
      <div className="no-print toolbar">
        <Link to={`/technicien/packs/${id}`}>{t('technician.sheet.back')}</Link>
        {token ? <Button onPress={() => window.print()}>{t('technician.sheet.print')}</Button> : null}
      </div>
      <h1>{t('technician.sheet.heading', { pack: token?.packName ?? '' })}</h1>
      {token ? (
        <>
          <div className="sheet-codes">
            <figure>
              <img src={asImage(token.qrPng)} alt={t('technician.sheet.qrAlt')} width={320} height={320} />
              <figcaption>{t('technician.sheet.qrCaption')}</figcaption>
            </figure>
            {token.androidQrPng ? (
              <figure>
                <img
                  src={asImage(token.androidQrPng)}
                  alt={t('technician.sheet.androidQrAlt')}
                  width={320}
                  height={320}
                />
                <figcaption>{t('technician.sheet.androidQrCaption')}</figcaption>
              </figure>
            ) : null}
          </div>
          <dl className="sheet-facts">
            <dt>{t('technician.sheet.token')}</dt>
            <dd>
              <code className="wrap" data-testid="enrollment-token">
                {token.token}
              </code>
            </dd>
            <dt>{t('technician.sheet.url')}</dt>
            <dd>
              <code className="wrap">{token.enrollUrl}</code>
            </dd>
            <dt>{t('technician.sheet.expires')}</dt>
            <dd>{formatDateTime(token.expiresAt)}</dd>
          </dl>
          <p>{t('technician.sheet.keep')}</p>
        </>
      ) : (
        <p role="alert">{t('technician.sheet.missing')}</p>
      )}
    </main>
  );
}
