import { ApiError, errorMessage } from '../lib/api-error';
import { t } from '../i18n/i18n';

/** The API's French message, the fields it names, and the request id for the helpdesk; never a code or a stack. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{errorMessage(error)}</p>
      {fields.length ? (
        <ul>
          {fields.map((field) => (
            <li key={field.field}>
              <strong>{field.field}</strong> : {field.problems.join(' ; ')}
            </li>
          ))}
        </ul>
      ) : null}
      {requestId ? <p className="muted">{t('errors.requestId', { requestId })}</p> : null}
    </div>
  );
}

export function SuccessAlert({ children }: { children: React.ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      {children}
    </div>
  );
}
