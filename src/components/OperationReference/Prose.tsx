import React from 'react';

/**
 * Catalog descriptions use a little Markdown (`code`, **bold**, blank-line
 * paragraphs). Render just that as React nodes: no HTML string is injected.
 */
function inline(text: string): React.ReactNode[] {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*)/g).map((part, i) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1) return <code key={i}>{part.slice(1, -1)}</code>;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 3) return <strong key={i}>{part.slice(2, -2)}</strong>;
    return part;
  });
}

/** One line of catalog Markdown without a paragraph around it (a summary, a table cell). */
export function InlineProse({ text }: { text: string }): React.JSX.Element {
  return <>{inline(text.replace(/\s*\n\s*/g, ' ').trim())}</>;
}

export default function Prose({ text }: { text: string }): React.JSX.Element {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <p key={i}>{inline(paragraph)}</p>
      ))}
    </>
  );
}
