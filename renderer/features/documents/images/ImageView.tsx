/**
 * How an image shows in the editor: the picture at its width preset, its caption, and for
 * people who may edit the body a small toolbar (alt text, width, remove). An image without alt
 * text says so, because a screen reader would otherwise announce nothing; the alt text editor
 * opens by itself right after this person inserts an image.
 */
import { NodeViewWrapper, useEditorState, type NodeViewProps } from '@tiptap/react';
import { AlertTriangle, Trash2, Type } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewPluginKey } from '../../review/reviewExtension';
import { AltTextDialog } from './AltTextDialog';
import { altPromptPending, forgetAltPrompt, IMAGE_SIZES, type ImageSize } from './documentImage';

export function ImageView({ node, editor, updateAttributes, deleteNode, selected }: NodeViewProps) {
  const { t } = useTranslation();
  const src = String(node.attrs['src'] ?? '');
  const alt = String(node.attrs['alt'] ?? '');
  const caption = String(node.attrs['caption'] ?? '');
  const size = (IMAGE_SIZES as readonly string[]).includes(node.attrs['size'])
    ? (node.attrs['size'] as ImageSize)
    : 'full';
  // A commenter's editor is editable (to suggest) but may not change the body.
  const canEdit = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e.isEditable && reviewPluginKey.getState(e.state)?.readOnlyBody !== true,
  });
  const [altOpen, setAltOpen] = useState(() => src !== '' && altPromptPending(src));
  useEffect(() => forgetAltPrompt(src), [src]);
  // The caption being typed; a caption changed by someone else replaces it.
  const [draft, setDraft] = useState(caption);
  const [shownCaption, setShownCaption] = useState(caption);
  if (caption !== shownCaption) {
    setShownCaption(caption);
    setDraft(caption);
  }

  const commitCaption = () => {
    const next = draft.trim();
    if (next !== caption) updateAttributes({ caption: next });
  };

  return (
    <NodeViewWrapper
      as="figure"
      className={`document-image${selected ? ' selected' : ''}`}
      data-size={size}
    >
      <div className="document-image-frame" data-drag-handle="">
        {src === '' ? (
          <div className="document-image-broken">{t('images.unavailable')}</div>
        ) : (
          <img src={src} alt={alt} width={node.attrs['width'] ?? undefined} draggable={false} />
        )}
        {canEdit && (
          <div className="document-image-toolbar" role="toolbar" aria-label={t('images.toolbar')}>
            <button type="button" className="image-tool" onClick={() => setAltOpen(true)}>
              <Type aria-hidden="true" size={14} />
              {t('images.altButton')}
            </button>
            {IMAGE_SIZES.map((option) => (
              <button
                key={option}
                type="button"
                className="image-tool"
                aria-pressed={size === option}
                onClick={() => updateAttributes({ size: option })}
              >
                {t(`images.size.${option}`)}
              </button>
            ))}
            <button
              type="button"
              className="image-tool"
              aria-label={t('images.remove')}
              title={t('images.remove')}
              onClick={() => deleteNode()}
            >
              <Trash2 aria-hidden="true" size={14} />
            </button>
          </div>
        )}
      </div>
      {canEdit && alt.trim() === '' && (
        <button type="button" className="document-image-warning" onClick={() => setAltOpen(true)}>
          <AlertTriangle aria-hidden="true" size={14} />
          {t('images.altMissing')}
        </button>
      )}
      {canEdit ? (
        <input
          className="document-image-caption"
          aria-label={t('images.caption')}
          placeholder={t('images.captionPlaceholder')}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={commitCaption}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commitCaption();
              editor.commands.focus();
            } else if (event.key === 'Escape') {
              setDraft(caption);
            }
          }}
        />
      ) : (
        caption !== '' && <figcaption>{caption}</figcaption>
      )}
      <AltTextDialog
        open={altOpen}
        initial={alt}
        src={src}
        onOpenChange={setAltOpen}
        onSave={(next) => updateAttributes({ alt: next })}
      />
    </NodeViewWrapper>
  );
}
