import { mountApp } from '../../shared/mount-app';
import { RepoSettingsPage } from './repo-settings-page';

mountApp(<RepoSettingsPage />);
