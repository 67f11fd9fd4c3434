import React, { useEffect, useRef } from 'react';
import type { ProjectAction } from '../stores/projectActions';
import styles from './styles.module.css';

const QUESTIONS: Record<ProjectAction, { label: string; text: string; confirm: string }> = {
  reset: {
    label: 'Reset your sandbox project?',
    text: 'Its channels, recordings and players are deleted and its limits start afresh. The App ID stays.',
    confirm: 'Reset project',
  },
  'start-over': {
    label: 'Start over with a new sandbox project?',
    text: 'This project is deleted with everything in it, and this browser gets a new App ID and credentials. Code you copied with the old App ID stops working.',
    confirm: 'Start over',
  },
};

/**
 * The question before Reset project or Start over (loaded on the first click,
 * so the page's initial JavaScript does not carry it): its confirm button takes focus.
 */
export default function ProjectQuestion({ action, onConfirm, onCancel }: { action: ProjectAction; onConfirm: () => void; onCancel: () => void }) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), [action]);
  const question = QUESTIONS[action];
  return (
    <div role="alertdialog" aria-label={question.label} className={styles.confirm}>
      <p>
        <strong>{question.label}</strong> {question.text}
      </p>
      <button ref={confirmRef} type="button" className="button button--sm button--primary" onClick={onConfirm}>
        {question.confirm}
      </button>{' '}
      <button type="button" className="button button--sm button--secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
