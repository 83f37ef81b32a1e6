/**
 * The editor's image block: Tiptap's Image node (the well-kept one, so HTML and Markdown know
 * it) with what a shared document needs on top: alt text, a caption, a width preset, the
 * picture's pixel size (for exports), and a node view that lets an editor change them.
 *
 * Only data URLs of PNG, JPEG or GIF within {@link MAX_IMAGE_BYTES} are kept (see
 * prepareImage.ts): an address of a remote picture pasted as HTML is dropped, so opening a
 * document never fetches anything from elsewhere and the document alone carries its images.
 * Files pasted or dropped go through {@link prepareImage} first.
 */
import { mergeAttributes, type Editor } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { ImageView } from './ImageView';
import { ACCEPTED_TYPES, isStorableImageSrc, prepareImage } from './prepareImage';

export type ImageSize = 'small' | 'medium' | 'full';
export const IMAGE_SIZES: readonly ImageSize[] = ['small', 'medium', 'full'];

export interface DocumentImageOptions {
  /** Told when a pasted, dropped or chosen file cannot become an image (a CodedError). */
  onError: (error: unknown) => void;
}

/** Images this replica inserted and whose alt text it should ask for at once (by src). */
const askAltFor = new Set<string>();

/** Whether the node view of an image with `src` should open its alt text editor as it mounts. */
export function altPromptPending(src: string): boolean {
  return askAltFor.has(src);
}

/** Called once the node view has mounted: the prompt is shown once. */
export function forgetAltPrompt(src: string): void {
  askAltFor.delete(src);
}

/** Reads `files`, keeps the images among them, and inserts them at `pos` (or the selection). */
export async function insertImageFiles(
  editor: Editor,
  files: readonly File[],
  onError: (error: unknown) => void,
  pos?: number,
): Promise<void> {
  for (const file of files) {
    try {
      const image = await prepareImage(file);
      if (editor.isDestroyed) return;
      const { from, to } = editor.state.selection;
      const at = pos === undefined ? { from, to } : Math.min(pos, editor.state.doc.content.size);
      askAltFor.add(image.src);
      editor
        .chain()
        .insertContentAt(at, {
          type: 'image',
          attrs: { src: image.src, width: image.width, height: image.height },
        })
        .run();
    } catch (error) {
      onError(error);
    }
  }
}

/** The <img> of an element matched by a parse rule (the <img> itself, or the one in a figure). */
function imgOf(element: HTMLElement): HTMLImageElement | null {
  return element instanceof HTMLImageElement ? element : element.querySelector('img');
}

function imageFiles(list: FileList | null | undefined): File[] {
  return [...(list ?? [])].filter((file) => file.type.startsWith('image/'));
}

export const DocumentImage = Image.extend<DocumentImageOptions>({
  addOptions() {
    return {
      ...this.parent!(),
      inline: false,
      allowBase64: true,
      resize: false,
      HTMLAttributes: {},
      onError: () => undefined,
    };
  },

  addAttributes() {
    return {
      src: {
        default: null,
        parseHTML: (element) => {
          const src = imgOf(element)?.getAttribute('src');
          return isStorableImageSrc(src) ? src : null;
        },
      },
      alt: { default: '', parseHTML: (element) => imgOf(element)?.getAttribute('alt') ?? '' },
      width: { default: null, parseHTML: (element) => numberAttr(imgOf(element), 'width') },
      height: { default: null, parseHTML: (element) => numberAttr(imgOf(element), 'height') },
      size: {
        default: 'full',
        parseHTML: (element) => {
          const size = element.closest('figure')?.getAttribute('data-size');
          return IMAGE_SIZES.includes(size as ImageSize) ? size : 'full';
        },
        renderHTML: () => ({}),
      },
      caption: {
        default: '',
        parseHTML: (element) =>
          element.closest('figure')?.querySelector('figcaption')?.textContent ?? '',
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'figure[data-type="image"]',
        getAttrs: (element) => {
          const img = element.querySelector('img');
          return img !== null && isStorableImageSrc(img.getAttribute('src')) ? null : false;
        },
      },
      {
        tag: 'img[src]',
        getAttrs: (element) => (isStorableImageSrc(element.getAttribute('src')) ? null : false),
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const caption = String(node.attrs['caption'] ?? '');
    const img = [
      'img',
      mergeAttributes(HTMLAttributes, {
        src: isStorableImageSrc(node.attrs['src']) ? node.attrs['src'] : '',
        alt: String(node.attrs['alt'] ?? ''),
      }),
    ];
    const figure = {
      'data-type': 'image',
      'data-size': String(node.attrs['size'] ?? 'full'),
      class: 'document-image',
    };
    return caption === ''
      ? ['figure', figure, img]
      : ['figure', figure, img, ['figcaption', caption]];
  },

  // A typed `![alt](address)` would insert a remote picture: images come from files only.
  addInputRules() {
    return [];
  },

  addNodeView() {
    return ReactNodeViewRenderer(ImageView);
  },

  addProseMirrorPlugins() {
    const onError = (error: unknown) => this.options.onError(error);
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey('documentImageFiles'),
        props: {
          handlePaste(view, event) {
            const files = imageFiles(event.clipboardData?.files);
            if (files.length === 0 || !view.editable) return false;
            event.preventDefault();
            void insertImageFiles(editor, files, onError);
            return true;
          },
          handleDrop(view, event) {
            const files = imageFiles((event as DragEvent).dataTransfer?.files);
            if (files.length === 0 || !view.editable) return false;
            event.preventDefault();
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            void insertImageFiles(editor, files, onError, at?.pos);
            return true;
          },
        },
      }),
    ];
  },
});

function numberAttr(element: HTMLElement | null, name: string): number | null {
  const value = Number(element?.getAttribute(name));
  return Number.isFinite(value) && value > 0 ? Math.round(value) : null;
}

/** What the file picker of "Imagen" accepts. */
export const IMAGE_ACCEPT = ACCEPTED_TYPES.join(',');

/** Opens the system's file picker and inserts the images chosen at the selection. */
export function chooseImageFiles(editor: Editor): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = IMAGE_ACCEPT;
  input.multiple = true;
  input.hidden = true;
  const onError = (error: unknown) =>
    (
      editor.extensionManager.extensions.find((e) => e.name === 'image')?.options as
        DocumentImageOptions | undefined
    )?.onError(error);
  input.addEventListener('change', () => {
    const files = imageFiles(input.files);
    input.remove();
    if (files.length > 0) void insertImageFiles(editor, files, onError ?? (() => undefined));
  });
  input.addEventListener('cancel', () => input.remove());
  document.body.append(input);
  input.click();
}
