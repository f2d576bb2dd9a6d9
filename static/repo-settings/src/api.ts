/** The repository settings page's calls to the backend: the repository settings resolvers, and nothing else. */
import { REPOSITORY_SETTINGS_FUNCTIONS } from '../../../src/shared/repository-settings-functions';
import { createApi } from '../../shared/create-api';

export const api = createApi(REPOSITORY_SETTINGS_FUNCTIONS);
