import { mountApp } from '../../shared/mount-app';
import { AdminPage } from './admin-page';

mountApp(<AdminPage />);
