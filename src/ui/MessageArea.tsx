import { useLab } from '../store';

const LEVEL_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

/** The visible message area under the header: bad URL values, failed actions, confirmations. */
export function MessageArea() {
  const messages = useLab((s) => s.messages);
  const dismiss = useLab((s) => s.dismissMessage);
  const clear = useLab((s) => s.clearMessages);
  return (
    <div className="message-area" role="region" aria-label="Messages" aria-live="polite">
      {messages.length > 0 && (
        <ul className="messages">
          {messages.map((m) => (
            <li
              key={m.id}
              className={`message message-${m.level}`}
              role={m.level === 'info' ? 'status' : 'alert'}
            >
              <span className="message-level">{LEVEL_LABEL[m.level]}</span>
              <span className="message-text">{m.text}</span>
              <button
                type="button"
                className="icon-button"
                aria-label="Dismiss message"
                onClick={() => dismiss(m.id)}
              >
                ×
              </button>
            </li>
          ))}
          {messages.length > 1 && (
            <li className="messages-clear">
              <button type="button" className="link-button" onClick={clear}>
                Dismiss all
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
