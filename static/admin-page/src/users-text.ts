export const usersText = (users: number): string => (users === 1 ? '1 user' : `${users} users`);
