export { ADMIN_RESOLVER_FUNCTIONS, BUILD_RESOLVER_FUNCTIONS, RESOLVER_FUNCTIONS } from '../../src/shared/resolver-functions';
