/** JetBrains' page on creating and revoking TeamCity access tokens. */
export const ACCESS_TOKENS_DOCS_URL = 'https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens';
