/** The signed-in user as the session sees it. */
export interface AccountUser {
  userId: string;
  merchantId: string;
  email: string;
  name: string | null;
  merchantName: string;
}
