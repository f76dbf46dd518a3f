import { ApiError, errorMessage } from '../lib/api-error';
import { t } from '../i18n/i18n';

/** The API's French message, the fields it names, and the request id for the helpdesk; never a code or a stack. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  // The message already names the first problems; a longer list is spelled out below it (without field codes).
  const problems = error instanceof ApiError ? error.fields.flatMap((field) => field.problems) : [];
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <div className="alert alert-error" role="alert">
      <p>{errorMessage(error)}</p>
      {problems.length > 3 ? (
        <ul>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
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
