import { useLab } from '../store';

export function Header() {
  const theme = useLab((s) => s.theme);
  const toggleTheme = useLab((s) => s.toggleTheme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="22" height="22">
            <path
              d="M3 19h4v-4h4v-5h4V6h6"
              fill="none"
              stroke="currentColor"
              strokeWidth="2.2"
              strokeLinejoin="round"
            />
            <path
              d="M3 19 21 5"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.2"
              strokeDasharray="1.5 2.5"
            />
          </svg>
        </span>
        <h1 className="brand-name">dslab</h1>
        <span className="brand-tagline">a lab for designing network design spaces · RegNet / AnyNet</span>
      </div>
      <button
        type="button"
        className="button button-ghost theme-toggle"
        aria-label={`Switch to ${next} theme`}
        title={`Switch to ${next} theme`}
        onClick={toggleTheme}
      >
        <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
        <span className="theme-toggle-text">{theme === 'dark' ? 'Light' : 'Dark'}</span>
      </button>
    </header>
  );
}
