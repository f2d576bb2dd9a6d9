/**
 * What another module asked the modal to start with: the pull request panel's "Run" opens this resource with
 * Forge's Modal class, whose `context` the modal finds under extension.modal
 * (https://developer.atlassian.com/platform/forge/custom-ui-bridge/modal/). Only ids the setup already lists
 * are taken: a preset can choose among the user's own tokens, never add one.
 */
import { useEffect, useState } from 'react';
import type { GetBuildSetupResponse } from '../../../src/shared/schemas';
import { BUILD_TYPE_ID } from '../../../src/shared/input-rules';
import { getContext } from '../../shared/forge-view';

export type ModalPreset = { tokenId: string; buildTypeId: string };

const TOKEN_ID = /^[a-f0-9]{32}$/;

export function readPreset(modal: unknown): ModalPreset | null {
  const value = (modal ?? {}) as { tokenId?: unknown; buildTypeId?: unknown };
  return typeof value.tokenId === 'string' &&
    TOKEN_ID.test(value.tokenId) &&
    typeof value.buildTypeId === 'string' &&
    BUILD_TYPE_ID.test(value.buildTypeId)
    ? { tokenId: value.tokenId, buildTypeId: value.buildTypeId }
    : null;
}

/** undefined while the context loads. */
export function useModalPreset(): ModalPreset | null | undefined {
  const [preset, setPreset] = useState<ModalPreset | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    getContext()
      .then((context) => current && setPreset(readPreset((context.extension as { modal?: unknown } | undefined)?.modal)))
      .catch(() => current && setPreset(null));
    return () => {
      current = false;
    };
  }, []);
  return preset;
}

export function applyPreset(setup: GetBuildSetupResponse, preset: ModalPreset | null): GetBuildSetupResponse {
  if (!preset || !setup.servers.some((s) => s.id === preset.tokenId)) return setup;
  return {
    ...setup,
    selectedTokenId: preset.tokenId,
    lastBuildTypeIds: { ...setup.lastBuildTypeIds, [preset.tokenId]: preset.buildTypeId },
  };
}
