/**
 * Where a tester's form comes from on arrival, and where it goes while the
 * reader edits it: a share link for this operation in the address (unless
 * this tab already opened that link and has the edits made since: Back or a
 * reload to that URL), else the form this tab left on this page
 * (`stores/formDrafts.ts`, sessionStorage). While the reader edits, the form
 * is kept there again; a form left as the catalog has it leaves nothing.
 */
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { OperationModel } from '../../catalog/types';
import type { ApiRequest } from '../../request/apiRequest';
import { requestFromValues, type RestorableRequest } from '../../request/build';
import { alignAppIds } from './appIds';
import { initialForm } from './formModel';
import type { Fault } from './envelope';
import { decodeShare, scrubShared } from './share';
import { linkId, pageDraft, toDraft, type DraftStore } from './stores/formDrafts';
import type { RestoredFrom } from './useTester';

interface Options {
  op: OperationModel;
  request: ApiRequest;
  fault: Fault;
  clearedSecrets: readonly string[];
  restore: (shared: RestorableRequest & { cleared?: string[] }, from: RestoredFrom) => void;
  setFault: (fault: Fault) => void;
  rootRef: RefObject<HTMLElement | null>;
  /** The sandbox App ID forms hold now (this browser's project), if known. */
  appId?: string;
}

export function useFormMemory({ op, request, fault, clearedSecrets, restore, setFault, rootRef, appId }: Options): void {
  // The link this form was opened from (its linkId), remembered with the saved form; and whether the saved form was read yet.
  const openedFrom = useRef<string | undefined>(undefined);
  const draftStore = useRef<DraftStore | null>(null);
  const [draftRead, setDraftRead] = useState(false);

  useEffect(() => {
    const draft = pageDraft(window.location.pathname, op.id);
    draftStore.current = draft;
    const apply = (arriving: boolean) => {
      const shared = decodeShare(window.location.hash);
      const id = linkId(window.location.hash);
      const saved = draft.get();
      if (shared?.operationId === op.id && !(arriving && saved?.link === id)) {
        // A link made by hand (or before a field was marked secret) may carry one: it is not restored either.
        openedFrom.current = id;
        restore(scrubShared(shared, op), 'link');
        setFault(shared.fault ?? 'none');
        rootRef.current?.scrollIntoView?.({ block: 'start' });
      } else if (arriving && saved) {
        openedFrom.current = saved.link;
        restore(saved.request, 'draft');
        setFault(saved.fault);
      }
      setDraftRead(true);
    };
    apply(true);
    const onHash = () => apply(false);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [op, restore, setFault, rootRef]);

  // A form as the catalog has it, with this browser's sandbox App ID, keeps nothing either.
  const pristine = useMemo(() => {
    const form = appId ? alignAppIds(op, initialForm(op), appId, () => true).form : initialForm(op);
    return JSON.stringify(toDraft(requestFromValues(op, form), op, { fault: 'none' }));
  }, [op, appId]);
  useEffect(() => {
    if (!draftRead || !draftStore.current) return;
    const draft = toDraft(request, op, { fault, link: openedFrom.current, cleared: clearedSecrets });
    draftStore.current.set(JSON.stringify(draft) === pristine ? null : draft);
  }, [draftRead, request, fault, clearedSecrets, op, pristine]);
}
