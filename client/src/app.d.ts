declare global {
  namespace App {
    interface Error {
      /** The server's Polish message; empty when the client shows its own text. */
      message: string;
      code?: string;
    }
  }
}

export {};
