import type { StateCreator } from 'zustand';
import type { LabState } from './types';

export type Theme = 'light' | 'dark';

/** The lab's panels, in page order. */
export const PANEL_IDS = [
  'space',
  'run',
  'data',
  'edf',
  'error',
  'complexity',
  'explorer',
  'detail',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export type MessageLevel = 'error' | 'warning' | 'info';

export interface Message {
  id: number;
  level: MessageLevel;
  text: string;
}

export interface UiSlice {
  theme: Theme;
  /** Panels the user folded away. */
  collapsed: Partial<Record<PanelId, boolean>>;
  messages: Message[];
  setTheme: (theme: Theme) => void;
  toggleTheme: () => void;
  togglePanel: (id: PanelId) => void;
  /** Shows a message in the header's message area; the same text twice is shown once. */
  pushMessage: (level: MessageLevel, text: string) => void;
  dismissMessage: (id: number) => void;
  clearMessages: () => void;
}

export const createUiSlice: StateCreator<LabState, [], [], UiSlice> = (set) => {
  let nextId = 1;
  return {
    theme: 'light',
    collapsed: {},
    messages: [],
    setTheme: (theme) => set({ theme }),
    toggleTheme: () => set((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' })),
    togglePanel: (id) => set((s) => ({ collapsed: { ...s.collapsed, [id]: !s.collapsed[id] } })),
    pushMessage: (level, text) =>
      set((s) =>
        s.messages.some((m) => m.text === text && m.level === level)
          ? s
          : { messages: [...s.messages, { id: nextId++, level, text }] },
      ),
    dismissMessage: (id) => set((s) => ({ messages: s.messages.filter((m) => m.id !== id) })),
    clearMessages: () => set({ messages: [] }),
  };
};
