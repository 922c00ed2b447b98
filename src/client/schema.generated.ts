// Generated from docs/openapi.json by `npm run openapi`. Do not edit.
/* eslint-disable */
export interface paths {
    "/v1/admin/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API keys, newest first (at most 1,000), without secrets */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                expiresAt?: string;
                                id: string;
                                /** Format: date-time */
                                lastUsedAt?: string;
                                name: string;
                                /** Format: date-time */
                                revokedAt?: string;
                                scopes: ("integration" | "admin" | "act_as")[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API key (integration and/or admin scope, optional expiry); the key is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expiresAt?: string;
                        name: string;
                        scopes: ("integration" | "admin" | "act_as")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt?: string;
                            id: string;
                            /** @description the key (`sk_<id>_<secret>`): shown only in this response, only its hash is kept */
                            key: string;
                            /** Format: date-time */
                            lastUsedAt?: string;
                            name: string;
                            /** Format: date-time */
                            revokedAt?: string;
                            scopes: ("integration" | "admin" | "act_as")[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    keyId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt?: string;
                            id: string;
                            /** Format: date-time */
                            lastUsedAt?: string;
                            name: string;
                            /** Format: date-time */
                            revokedAt?: string;
                            scopes: ("integration" | "admin" | "act_as")[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/books/audit-verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run `settle audit verify`: hash chains and signed checkpoints (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the same report as the CLI’s --json */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/books/ledger-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run `settle ledger check`: balanced transactions, balances, ties to causes, escrow (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the same report as the CLI’s --json */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ok: boolean;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/platform-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The platform’s accounts (logistics compensation, protection fund, fees, return postage): balances at the end of each UTC day (admin) */
        get: {
            parameters: {
                query?: {
                    days?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                account: string;
                                balanceMinor: string;
                                currency: string;
                                days: {
                                    balanceMinor: string;
                                    /** Format: date */
                                    day: string;
                                }[];
                            }[];
                            /** Format: date-time */
                            now: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/sellers/{sellerId}/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A store's staff accounts (at most 500) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sellerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description not disabled, and a password is set */
                                canSignIn: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                disabledAt?: string;
                                email: string;
                                id: string;
                                name: string;
                                /** @enum {unknown} */
                                role: "buyer" | "seller" | "arbitrator" | "admin";
                                /** @description seller staff: the store they act for */
                                sellerId?: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a staff account to a store: it acts as the store in the store's disputes */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sellerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        id?: string;
                        name: string;
                        /** @description at least 12 characters; leave it out to have one generated and shown once */
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description only when Settle generated it: shown in this response alone, hand it over now */
                            password?: string;
                            user: {
                                /** @description not disabled, and a password is set */
                                canSignIn: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                disabledAt?: string;
                                email: string;
                                id: string;
                                name: string;
                                /** @enum {unknown} */
                                role: "buyer" | "seller" | "arbitrator" | "admin";
                                /** @description seller staff: the store they act for */
                                sellerId?: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts by id, a page at a time; filter by role or store */
        get: {
            parameters: {
                query?: {
                    after?: string;
                    limit?: number;
                    role?: "buyer" | "seller" | "arbitrator" | "admin";
                    sellerId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description not disabled, and a password is set */
                                canSignIn: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                disabledAt?: string;
                                email: string;
                                id: string;
                                name: string;
                                /** @enum {unknown} */
                                role: "buyer" | "seller" | "arbitrator" | "admin";
                                /** @description seller staff: the store they act for */
                                sellerId?: string;
                            }[];
                            /** @description pass as `after` for the next page */
                            nextCursor?: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user (buyer, seller staff with sellerId, arbitrator or admin); a generated password is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        id?: string;
                        name: string;
                        /** @description at least 12 characters; leave it out to have one generated and shown once */
                        password?: string;
                        /** @enum {unknown} */
                        role: "buyer" | "seller" | "arbitrator" | "admin";
                        sellerId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description only when Settle generated it: shown in this response alone, hand it over now */
                            password?: string;
                            user: {
                                /** @description not disabled, and a password is set */
                                canSignIn: boolean;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                disabledAt?: string;
                                email: string;
                                id: string;
                                name: string;
                                /** @enum {unknown} */
                                role: "buyer" | "seller" | "arbitrator" | "admin";
                                /** @description seller staff: the store they act for */
                                sellerId?: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description not disabled, and a password is set */
                            canSignIn: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            disabledAt?: string;
                            email: string;
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            role: "buyer" | "seller" | "arbitrator" | "admin";
                            /** @description seller staff: the store they act for */
                            sellerId?: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{userId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable an account: it cannot sign in, and its sessions end at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description not disabled, and a password is set */
                            canSignIn: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            disabledAt?: string;
                            email: string;
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            role: "buyer" | "seller" | "arbitrator" | "admin";
                            /** @description seller staff: the store they act for */
                            sellerId?: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{userId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Let a disabled account sign in again (its old sessions stay ended) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description not disabled, and a password is set */
                            canSignIn: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            disabledAt?: string;
                            email: string;
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            role: "buyer" | "seller" | "arbitrator" | "admin";
                            /** @description seller staff: the store they act for */
                            sellerId?: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{userId}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset a user's password (the one given, or a generated one shown once); their sessions end */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description at least 12 characters; leave it out to have one generated and shown once */
                        password?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description only when Settle generated it: shown in this response alone, hand it over now */
                            password?: string;
                            sessionsEnded: boolean;
                            userId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/users/{userId}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change an account's role (seller staff name their store); its sessions end so no session keeps the old role's powers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {unknown} */
                        role: "buyer" | "seller" | "arbitrator" | "admin";
                        sellerId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description not disabled, and a password is set */
                            canSignIn: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            disabledAt?: string;
                            email: string;
                            id: string;
                            name: string;
                            /** @enum {unknown} */
                            role: "buyer" | "seller" | "arbitrator" | "admin";
                            /** @description seller staff: the store they act for */
                            sellerId?: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/arbitration/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Disputes waiting for a ruling or an appeal decision, filtered and sorted (longest waiting first by default); an arbitrator never sees appeals against their own rulings */
        get: {
            parameters: {
                query?: {
                    amountMax?: string;
                    /** @description requested amount at least this, in minor units of the dispute’s currency */
                    amountMin?: string;
                    channel?: "platform" | "seller";
                    claimed?: "mine" | "others" | "unclaimed";
                    /** @description arbitration: waiting for a first ruling; appeal: an appeal to decide (never one against your own ruling) */
                    kind?: "arbitration" | "appeal";
                    limit?: number;
                    /** @description `buyer:IT` or `seller:CN`: the buyer's or the seller's country */
                    market?: string;
                    overdue?: boolean;
                    reason?: string;
                    /** @description age (longest waiting first), target (ruling target), amount, reason, market, channel, suggested; a leading `-` reverses */
                    sort?: string;
                    /** @description the suggested responsibility; `unknown`: no rule suggests one yet */
                    suggested?: "seller" | "logistics" | "buyer" | "none" | "unknown";
                    /** @description the ruling target falls within this many hours (overdue included) */
                    targetWithinHours?: number;
                    /** @description waiting at least this many hours */
                    waitingHoursMin?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                channel: string;
                                claim?: {
                                    /** Format: date-time */
                                    claimedAt: string;
                                    /** Format: date-time */
                                    expiresAt: string;
                                    staffId: string;
                                    staffName: string;
                                };
                                dispute: components["schemas"]["DisputeSummary"];
                                kind: "arbitration" | "appeal";
                                market: {
                                    buyerCountry: string;
                                    sellerCountry: string;
                                };
                                overdue: boolean;
                                ruledBy?: string;
                                /** Format: date-time */
                                rulingTargetAt: string;
                                suggested?: "seller" | "logistics" | "buyer" | "none";
                                /** Format: date-time */
                                waitingSince: string;
                            }[];
                            /** @description more cases wait than the queue judges at once: narrow the filters */
                            truncated: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/buyers/{buyerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or update a buyer */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    buyerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chargebacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a chargeback on an order (integration); freezes the order's escrow */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amount: {
                            /**
                             * @description ISO 4217 code
                             * @example EUR
                             */
                            currency: string;
                            /**
                             * @description amount in minor units, as a decimal string
                             * @example 1250
                             */
                            minor: string;
                        };
                        chargebackId?: string;
                        fee?: {
                            /**
                             * @description ISO 4217 code
                             * @example EUR
                             */
                            currency: string;
                            /**
                             * @description amount in minor units, as a decimal string
                             * @example 1250
                             */
                            minor: string;
                        };
                        /** @example visa */
                        network?: string;
                        orderId: string;
                        /** @description the card network's reason code, e.g. 13.1 (Visa) or 4853 (Mastercard) */
                        reasonCode?: string;
                        /** @description inquiry, then chargeback, then pre-arbitration: each asks for a defence */
                        stage?: "inquiry" | "chargeback" | "pre_arbitration";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: {
                                currency: string;
                                minor: string;
                            };
                            amountLost?: {
                                currency: string;
                                minor: string;
                            };
                            /** @description the seller accepted the chargeback instead of defending */
                            conceded: boolean;
                            defence?: {
                                /** Format: date-time */
                                at: string;
                                evidence?: {
                                    customerCommunication?: string[];
                                    productDescription?: string;
                                    refundPolicy?: string[];
                                    refundPolicyDisclosure?: string;
                                    refundRefusalExplanation?: string;
                                    /** Format: date-time */
                                    shippedAt?: string;
                                    shippingCarrier?: string;
                                    shippingDocumentation?: string[];
                                    shippingTrackingNumber?: string;
                                    uncategorizedText?: string;
                                };
                                evidenceIds: string[];
                                note: string;
                                /** @description inquiry, then chargeback, then pre-arbitration: each asks for a defence */
                                stage?: "inquiry" | "chargeback" | "pre_arbitration";
                            };
                            /** Format: date-time */
                            defenceDueAt: string;
                            fee?: {
                                amount: {
                                    currency: string;
                                    minor: string;
                                };
                                /** @description who pays it: the seller from its balance, or the platform */
                                bearer: "seller" | "platform";
                            };
                            /** @description true until the processor decides: the order's escrow is not released meanwhile */
                            frozen: boolean;
                            id: string;
                            network?: string;
                            /** Format: date-time */
                            openedAt: string;
                            orderId: string;
                            /** @description once decided: partially_lost when the processor took part of the amount */
                            outcome?: "won" | "lost" | "partially_lost";
                            /** @description the card network's reason code */
                            reasonCode?: string;
                            sellerId: string;
                            /** @description inquiry, then chargeback, then pre-arbitration: each asks for a defence */
                            stage: "inquiry" | "chargeback" | "pre_arbitration";
                            status: "awaiting_defence" | "defended" | "defence_lapsed" | "won" | "lost";
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chargebacks/{chargebackId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a chargeback (the order's seller, staff, the integration) */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    chargebackId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: {
                                currency: string;
                                minor: string;
                            };
                            amountLost?: {
                                currency: string;
                                minor: string;
                            };
                            /** @description the seller accepted the chargeback instead of defending */
                            conceded: boolean;
                            defence?: {
                                /** Format: date-time */
                                at: string;
                                evidence?: {
                                    customerCommunication?: string[];
                                    productDescription?: string;
                                    refundPolicy?: string[];
                                    refundPolicyDisclosure?: string;
                                    refundRefusalExplanation?: string;
                                    /** Format: date-time */
                                    shippedAt?: string;
                                    shippingCarrier?: string;
                                    shippingDocumentation?: string[];
                                    shippingTrackingNumber?: string;
                                    uncategorizedText?: string;
                                };
                                evidenceIds: string[];
                                note: string;
                                /** @description inquiry, then chargeback, then pre-arbitration: each asks for a defence */
                                stage?: "inquiry" | "chargeback" | "pre_arbitration";
                            };
                            /** Format: date-time */
                            defenceDueAt: string;
                            fee?: {
                                amount: {
                                    currency: string;
                                    minor: string;
                                };
                                /** @description who pays it: the seller from its balance, or the platform */
                                bearer: "seller" | "platform";
                            };
                            /** @description true until the processor decides: the order's escrow is not released meanwhile */
                            frozen: boolean;
                            id: string;
                            network?: string;
                            /** Format: date-time */
                            openedAt: string;
                            orderId: string;
                            /** @description once decided: partially_lost when the processor took part of the amount */
                            outcome?: "won" | "lost" | "partially_lost";
                            /** @description the card network's reason code */
                            reasonCode?: string;
                            sellerId: string;
                            /** @description inquiry, then chargeback, then pre-arbitration: each asks for a defence */
                            stage: "inquiry" | "chargeback" | "pre_arbitration";
                            status: "awaiting_defence" | "defended" | "defence_lapsed" | "won" | "lost";
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chargebacks/{chargebackId}/concede": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept the chargeback instead of defending it (the order's seller)
         * @description Lost at once, as accepting a dispute is at Stripe: the money moves (escrow first, then the seller balance) and the escrow hold lifts. The processor later reporting lost changes nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    chargebackId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: {
                                currency: string;
                                minor: string;
                            };
                            amountLost?: {
                                currency: string;
                                minor: string;
                            };
                            /** @description the seller accepted the chargeback instead of defending */
                            conceded: boolean;
                            defence?: {
                                /** Format: date-time */
                                at: string;
                                evidence?: {
                                    customerCommunication?: string[];
                                    productDescription?: string;
                                    refundPolicy?: string[];
                                    refundPolicyDisclosure?: string;
                                    refundRefusalExplanation?: string;
                                    /** Format: date-time */
                                    shippedAt?: string;
                                    shippingCarrier?: string;
                                    shippingDocumentation?: string[];
                                    shippingTrackingNumber?: string;
                                    uncategorizedText?: string;
                                };
                                evidenceIds: string[];
                                note: string;
                                /** @description inquiry, then chargeback, then pre-arbitration: each asks for a defence */
                                stage?: "inquiry" | "chargeback" | "pre_arbitration";
                            };
                            /** Format: date-time */
                            defenceDueAt: string;
                            fee?: {
                                amount: {
                                    currency: string;
                                    minor: string;
                                };
                                /** @description who pays it: the seller from its balance, or the platform */
                                bearer: "seller" | "platform";
                            };
                            /** @description true until the processor decides: the order's escrow is not released meanwhile */
                            frozen: boolean;
                            id: string;
                            network?: string;
                            /** Format: date-time */
                            openedAt: string;
                            orderId: string;
                            /** @description once decided: partially_lost when the processor took part of the amount */
                            outcome?: "won" | "lost" | "partially_lost";
                            /** @description the card network's reason code */
                            reasonCode?: string;
                            sellerId: string;
                            /** @description inquiry, then chargeback, then pre-arbitration: each asks for a defence */
                            stage: "inquiry" | "chargeback" | "pre_arbitration";
                            status: "awaiting_defence" | "defended" | "defence_lapsed" | "won" | "lost";
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chargebacks/{chargebackId}/defence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Defend a chargeback before its due date (the order's seller)
         * @description evidenceIds name evidence the seller uploaded on any dispute of the chargeback's order.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    chargebackId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        evidence?: {
                            customerCommunication?: string[];
                            productDescription?: string;
                            refundPolicy?: string[];
                            refundPolicyDisclosure?: string;
                            refundRefusalExplanation?: string;
                            /** Format: date-time */
                            shippedAt?: string;
                            shippingCarrier?: string;
                            shippingDocumentation?: string[];
                            shippingTrackingNumber?: string;
                            uncategorizedText?: string;
                        };
                        /** @description files that fit no structured field; the defence names at least one file */
                        evidenceIds: string[];
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: {
                                currency: string;
                                minor: string;
                            };
                            amountLost?: {
                                currency: string;
                                minor: string;
                            };
                            /** @description the seller accepted the chargeback instead of defending */
                            conceded: boolean;
                            defence?: {
                                /** Format: date-time */
                                at: string;
                                evidence?: {
                                    customerCommunication?: string[];
                                    productDescription?: string;
                                    refundPolicy?: string[];
                                    refundPolicyDisclosure?: string;
                                    refundRefusalExplanation?: string;
                                    /** Format: date-time */
                                    shippedAt?: string;
                                    shippingCarrier?: string;
                                    shippingDocumentation?: string[];
                                    shippingTrackingNumber?: string;
                                    uncategorizedText?: string;
                                };
                                evidenceIds: string[];
                                note: string;
                                /** @description inquiry, then chargeback, then pre-arbitration: each asks for a defence */
                                stage?: "inquiry" | "chargeback" | "pre_arbitration";
                            };
                            /** Format: date-time */
                            defenceDueAt: string;
                            fee?: {
                                amount: {
                                    currency: string;
                                    minor: string;
                                };
                                /** @description who pays it: the seller from its balance, or the platform */
                                bearer: "seller" | "platform";
                            };
                            /** @description true until the processor decides: the order's escrow is not released meanwhile */
                            frozen: boolean;
                            id: string;
                            network?: string;
                            /** Format: date-time */
                            openedAt: string;
                            orderId: string;
                            /** @description once decided: partially_lost when the processor took part of the amount */
                            outcome?: "won" | "lost" | "partially_lost";
                            /** @description the card network's reason code */
                            reasonCode?: string;
                            sellerId: string;
                            /** @description inquiry, then chargeback, then pre-arbitration: each asks for a defence */
                            stage: "inquiry" | "chargeback" | "pre_arbitration";
                            status: "awaiting_defence" | "defended" | "defence_lapsed" | "won" | "lost";
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chargebacks/{chargebackId}/outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the processor's decision (integration); lost takes the money
         * @description lost moves the amount to the processor, from escrow first and then the seller balance; either outcome lifts the escrow hold.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    chargebackId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amountLost?: {
                            /**
                             * @description ISO 4217 code
                             * @example EUR
                             */
                            currency: string;
                            /**
                             * @description amount in minor units, as a decimal string
                             * @example 1250
                             */
                            minor: string;
                        };
                        outcome: "won" | "lost";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: {
                                currency: string;
                                minor: string;
                            };
                            amountLost?: {
                                currency: string;
                                minor: string;
                            };
                            /** @description the seller accepted the chargeback instead of defending */
                            conceded: boolean;
                            defence?: {
                                /** Format: date-time */
                                at: string;
                                evidence?: {
                                    customerCommunication?: string[];
                                    productDescription?: string;
                                    refundPolicy?: string[];
                                    refundPolicyDisclosure?: string;
                                    refundRefusalExplanation?: string;
                                    /** Format: date-time */
                                    shippedAt?: string;
                                    shippingCarrier?: string;
                                    shippingDocumentation?: string[];
                                    shippingTrackingNumber?: string;
                                    uncategorizedText?: string;
                                };
                                evidenceIds: string[];
                                note: string;
                                /** @description inquiry, then chargeback, then pre-arbitration: each asks for a defence */
                                stage?: "inquiry" | "chargeback" | "pre_arbitration";
                            };
                            /** Format: date-time */
                            defenceDueAt: string;
                            fee?: {
                                amount: {
                                    currency: string;
                                    minor: string;
                                };
                                /** @description who pays it: the seller from its balance, or the platform */
                                bearer: "seller" | "platform";
                            };
                            /** @description true until the processor decides: the order's escrow is not released meanwhile */
                            frozen: boolean;
                            id: string;
                            network?: string;
                            /** Format: date-time */
                            openedAt: string;
                            orderId: string;
                            /** @description once decided: partially_lost when the processor took part of the amount */
                            outcome?: "won" | "lost" | "partially_lost";
                            /** @description the card network's reason code */
                            reasonCode?: string;
                            sellerId: string;
                            /** @description inquiry, then chargeback, then pre-arbitration: each asks for a defence */
                            stage: "inquiry" | "chargeback" | "pre_arbitration";
                            status: "awaiting_defence" | "defended" | "defence_lapsed" | "won" | "lost";
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chargebacks/{chargebackId}/stage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a later stage (integration): inquiry → chargeback → pre-arbitration
         * @description Stages only move forward and only while the processor has not decided; each opens a fresh defence window (policy chargebackDefenceMs).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    chargebackId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description inquiry, then chargeback, then pre-arbitration: each asks for a defence */
                        stage: "inquiry" | "chargeback" | "pre_arbitration";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: {
                                currency: string;
                                minor: string;
                            };
                            amountLost?: {
                                currency: string;
                                minor: string;
                            };
                            /** @description the seller accepted the chargeback instead of defending */
                            conceded: boolean;
                            defence?: {
                                /** Format: date-time */
                                at: string;
                                evidence?: {
                                    customerCommunication?: string[];
                                    productDescription?: string;
                                    refundPolicy?: string[];
                                    refundPolicyDisclosure?: string;
                                    refundRefusalExplanation?: string;
                                    /** Format: date-time */
                                    shippedAt?: string;
                                    shippingCarrier?: string;
                                    shippingDocumentation?: string[];
                                    shippingTrackingNumber?: string;
                                    uncategorizedText?: string;
                                };
                                evidenceIds: string[];
                                note: string;
                                /** @description inquiry, then chargeback, then pre-arbitration: each asks for a defence */
                                stage?: "inquiry" | "chargeback" | "pre_arbitration";
                            };
                            /** Format: date-time */
                            defenceDueAt: string;
                            fee?: {
                                amount: {
                                    currency: string;
                                    minor: string;
                                };
                                /** @description who pays it: the seller from its balance, or the platform */
                                bearer: "seller" | "platform";
                            };
                            /** @description true until the processor decides: the order's escrow is not released meanwhile */
                            frozen: boolean;
                            id: string;
                            network?: string;
                            /** Format: date-time */
                            openedAt: string;
                            orderId: string;
                            /** @description once decided: partially_lost when the processor took part of the amount */
                            outcome?: "won" | "lost" | "partially_lost";
                            /** @description the card network's reason code */
                            reasonCode?: string;
                            sellerId: string;
                            /** @description inquiry, then chargeback, then pre-arbitration: each asks for a defence */
                            stage: "inquiry" | "chargeback" | "pre_arbitration";
                            status: "awaiting_defence" | "defended" | "defence_lapsed" | "won" | "lost";
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server’s time, and whether it is the virtual clock an admin may move (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            now: string;
                            virtual: boolean;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/clock/advance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the virtual clock forward and fire the deadlines that fall due (admin, --clock virtual only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        days?: number;
                        hours?: number;
                        ms?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            fired: number;
                            /** Format: date-time */
                            now: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the disputes the caller may see (a buyer their own, seller staff their store's, the integration and staff every one), soonest deadline first */
        get: {
            parameters: {
                query?: {
                    buyerId?: string;
                    cursor?: string;
                    /** @description only disputes due to act before this */
                    deadlineBefore?: string;
                    limit?: number;
                    /** @description `buyer:IT` or `seller:CN`: the buyer's or the seller's country */
                    market?: string;
                    /** @description only disputes whose next deadline is one of these kinds (a seller’s: seller_response, return_label, confirm_receipt, replacement_delivery) */
                    nextDeadline?: ("seller_response" | "negotiation_end" | "return_label" | "return_shipment" | "confirm_receipt" | "replacement_delivery" | "evidence_request" | "appeal_window" | "refund_retry")[];
                    openedFrom?: string;
                    openedTo?: string;
                    orderId?: string;
                    reason?: "not_received" | "wrong_item" | "damaged" | "not_as_described" | "quality_issue" | "missing_parts" | "counterfeit" | "changed_mind";
                    sellerId?: string;
                    /** @description next_deadline: soonest first; opened_at: newest first; updated_at: oldest change first (to sync what changed since a time) */
                    sort?: "next_deadline" | "opened_at" | "updated_at";
                    status?: ("negotiating" | "awaiting_return_label" | "awaiting_return_shipment" | "return_in_transit" | "awaiting_replacement" | "in_arbitration" | "resolved" | "cancelled" | "appealed")[];
                    updatedFrom?: string;
                    updatedTo?: string;
                };
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DisputeSummary"][];
                            nextCursor?: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Open a dispute on an order (buyer) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description: string;
                        disputeId?: string;
                        /** @description The order lines and units disputed; omitted or empty: every line, the whole order */
                        lines?: {
                            lineId: string;
                            quantity: number;
                        }[];
                        orderId: string;
                        reason: "not_received" | "wrong_item" | "damaged" | "not_as_described" | "quality_issue" | "missing_parts" | "counterfeit" | "changed_mind";
                        request: {
                            amount: {
                                /**
                                 * @description ISO 4217 code
                                 * @example EUR
                                 */
                                currency: string;
                                /**
                                 * @description amount in minor units, as a decimal string
                                 * @example 1250
                                 */
                                minor: string;
                            };
                            /** @enum {string} */
                            kind: "refund";
                        } | {
                            amount: {
                                /**
                                 * @description ISO 4217 code
                                 * @example EUR
                                 */
                                currency: string;
                                /**
                                 * @description amount in minor units, as a decimal string
                                 * @example 1250
                                 */
                                minor: string;
                            };
                            /** @enum {string} */
                            kind: "return_and_refund";
                            postage?: {
                                /**
                                 * @description ISO 4217 code
                                 * @example EUR
                                 */
                                currency: string;
                                /**
                                 * @description amount in minor units, as a decimal string
                                 * @example 1250
                                 */
                                minor: string;
                            };
                            /** @description who pays the return postage; `platform` only in a ruling */
                            postagePaidBy: "buyer" | "seller" | "platform";
                        };
                        subReason?: "no_tracking_progress" | "wrong_address" | "held_by_customs" | "returned_to_sender";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a dispute: timeline, offers, evidence, tracking, ledger, and your allowed actions */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/appeal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Appeal the ruling once, inside the appeal window, naming new evidence */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        evidenceIds: string[];
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/appeal/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide an appeal (a different arbitrator): uphold, or overturn with a new ruling */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        decision: "upheld" | "overturned";
                        ruling?: {
                            note: string;
                            outcome: {
                                amount: {
                                    /**
                                     * @description ISO 4217 code
                                     * @example EUR
                                     */
                                    currency: string;
                                    /**
                                     * @description amount in minor units, as a decimal string
                                     * @example 1250
                                     */
                                    minor: string;
                                };
                                /** @enum {string} */
                                kind: "refund";
                            } | {
                                amount: {
                                    /**
                                     * @description ISO 4217 code
                                     * @example EUR
                                     */
                                    currency: string;
                                    /**
                                     * @description amount in minor units, as a decimal string
                                     * @example 1250
                                     */
                                    minor: string;
                                };
                                /** @enum {string} */
                                kind: "return_and_refund";
                                postage?: {
                                    /**
                                     * @description ISO 4217 code
                                     * @example EUR
                                     */
                                    currency: string;
                                    /**
                                     * @description amount in minor units, as a decimal string
                                     * @example 1250
                                     */
                                    minor: string;
                                };
                                /** @description who pays the return postage; `platform` only in a ruling */
                                postagePaidBy: "buyer" | "seller" | "platform";
                            } | {
                                /** @enum {string} */
                                kind: "no_refund";
                            };
                            reasonCode: string;
                            responsibility: "seller" | "logistics" | "buyer" | "none";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel the dispute (buyer, before a ruling) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/case-file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A self-contained printable HTML case file (timeline, offers, evidence with SHA-256, tracking, ledger, ruling, audit-chain head) */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/html": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/case-file.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff: every event with its hashes and the signed chain head, to verify offline (`settle audit verify-export`) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who holds this case in the arbitration queue, until when (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                /** Format: date-time */
                                claimedAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                                staffId: string;
                                staffName: string;
                            } | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Claim a waiting case (arbitrator): it is assigned to you until the policy’s arbitrationClaimMs passes; claiming your own claim again renews it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claim: {
                                /** Format: date-time */
                                claimedAt: string;
                                /** Format: date-time */
                                expiresAt: string;
                                staffId: string;
                                staffName: string;
                            } | null;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Release the case (the arbitrator holding it; an admin may release anyone’s claim). Releasing a free case is not an error */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Escalate to platform arbitration; from the return stage the reason is fixed by the system */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        goodsProblem?: "wrong_item" | "damaged";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/escalation/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw your own escalation before the ruling; the countdown resumes with its remaining time */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hash-chained event log head (for audits) */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: number;
                            headHash: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file as evidence
         * @description multipart/form-data with exactly one file part and the fields kind, findings (repeated or comma-separated), note, arbitratorOnly, supersedes, evidenceId (a client-made id: send one so a retry is idempotent). The type is judged from the bytes; images are re-encoded without metadata.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** @description only the arbitrators see it (true/false) */
                        arbitratorOnly?: boolean;
                        /** @description a client-made id: send one so a retry is idempotent */
                        evidenceId?: string;
                        /**
                         * Format: binary
                         * @description exactly one file: JPEG, PNG, WebP, PDF or MP4, judged by its bytes; it must fit the kind (photo kinds: images; video: MP4; documents, proofs and chats: PDF or images)
                         */
                        file: string;
                        /** @description repeat the field, or send one comma-separated value */
                        findings?: ("labels_mismatch" | "packaging_damaged" | "packaging_intact" | "item_damaged" | "item_differs_from_listing")[];
                        /**
                         * @description what the file shows
                         * @enum {string}
                         */
                        kind: "item_photo" | "outer_packaging_photo" | "label_comparison_photo" | "tracking_proof" | "chat_record" | "video" | "document" | "other" | "return_label";
                        note?: string;
                        /** @description the id of your evidence this replaces */
                        supersedes?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            arbitratorOnly: boolean;
                            /** Format: date-time */
                            at: string;
                            by: string;
                            bytes: number;
                            confirmedFindings?: string[];
                            fileName: string;
                            fileUrl: string;
                            findings: string[];
                            id: string;
                            kind: string;
                            mediaType: string;
                            note: string;
                            sha256: string;
                            supersededBy?: string;
                            supersedes?: string;
                            thumbnailUrl?: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/evidence-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask a party for evidence of given kinds, with a due date */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        dueAt?: string;
                        from: "buyer" | "seller";
                        kinds: ("item_photo" | "outer_packaging_photo" | "label_comparison_photo" | "tracking_proof" | "chat_record" | "video" | "document" | "other" | "return_label")[];
                        note?: string;
                        requestId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/evidence/{evidenceId}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an evidence file (images inline, PDF and MP4 as attachments) */
        get: {
            parameters: {
                query?: {
                    /** @description the uploader, when two files the caller sees share this id */
                    by?: "buyer" | "seller" | "arbitrator";
                };
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                    evidenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the stored bytes; ETag is their SHA-256 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "image/jpeg": string;
                        "image/png": string;
                        "image/webp": string;
                        "video/mp4": string;
                    };
                };
                /** @description unchanged since the ETag sent in If-None-Match */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                        "image/jpeg": components["schemas"]["Problem"];
                        "image/png": components["schemas"]["Problem"];
                        "image/webp": components["schemas"]["Problem"];
                        "video/mp4": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                        "image/jpeg": components["schemas"]["Problem"];
                        "image/png": components["schemas"]["Problem"];
                        "image/webp": components["schemas"]["Problem"];
                        "video/mp4": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                        "image/jpeg": components["schemas"]["Problem"];
                        "image/png": components["schemas"]["Problem"];
                        "image/webp": components["schemas"]["Problem"];
                        "video/mp4": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                        "image/jpeg": components["schemas"]["Problem"];
                        "image/png": components["schemas"]["Problem"];
                        "image/webp": components["schemas"]["Problem"];
                        "video/mp4": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                        "image/jpeg": components["schemas"]["Problem"];
                        "image/png": components["schemas"]["Problem"];
                        "image/webp": components["schemas"]["Problem"];
                        "video/mp4": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                        "image/jpeg": components["schemas"]["Problem"];
                        "image/png": components["schemas"]["Problem"];
                        "image/webp": components["schemas"]["Problem"];
                        "video/mp4": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": components["schemas"]["Problem"];
                        "image/jpeg": components["schemas"]["Problem"];
                        "image/png": components["schemas"]["Problem"];
                        "image/webp": components["schemas"]["Problem"];
                        "video/mp4": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/evidence/{evidenceId}/findings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm or correct the findings stated on a piece of evidence (arbitrator) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                    evidenceId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        findings: ("labels_mismatch" | "packaging_damaged" | "packaging_intact" | "item_damaged" | "item_differs_from_listing")[];
                        /** @description the uploader, when two files the caller sees share this id */
                        uploadedBy?: "buyer" | "seller" | "arbitrator";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/evidence/{evidenceId}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An image's 320px WebP thumbnail */
        get: {
            parameters: {
                query?: {
                    /** @description the uploader, when two files the caller sees share this id */
                    by?: "buyer" | "seller" | "arbitrator";
                };
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                    evidenceId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the stored bytes; ETag is their SHA-256 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/webp": string;
                    };
                };
                /** @description unchanged since the ETag sent in If-None-Match */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/webp": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/webp": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/webp": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/webp": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/webp": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/webp": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/webp": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/impact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What this dispute does to the seller’s rates: if the buyer cancels vs if ruled against the seller */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ifBuyerCancels: {
                                arbitrationRate: {
                                    /** @description basis points: 100 = 1% */
                                    bp: number;
                                    denominator: number;
                                    numerator: number;
                                };
                                disputeRate: {
                                    /** @description basis points: 100 = 1% */
                                    bp: number;
                                    denominator: number;
                                    numerator: number;
                                };
                                sellerResponsibilityRate: {
                                    /** @description basis points: 100 = 1% */
                                    bp: number;
                                    denominator: number;
                                    numerator: number;
                                };
                                warning: boolean;
                            };
                            ifRuledAgainstSeller: {
                                arbitrationRate: {
                                    /** @description basis points: 100 = 1% */
                                    bp: number;
                                    denominator: number;
                                    numerator: number;
                                };
                                disputeRate: {
                                    /** @description basis points: 100 = 1% */
                                    bp: number;
                                    denominator: number;
                                    numerator: number;
                                };
                                sellerResponsibilityRate: {
                                    /** @description basis points: 100 = 1% */
                                    bp: number;
                                    denominator: number;
                                    numerator: number;
                                };
                                warning: boolean;
                            };
                            now: {
                                arbitrationRate: {
                                    /** @description basis points: 100 = 1% */
                                    bp: number;
                                    denominator: number;
                                    numerator: number;
                                };
                                disputeRate: {
                                    /** @description basis points: 100 = 1% */
                                    bp: number;
                                    denominator: number;
                                    numerator: number;
                                };
                                sellerResponsibilityRate: {
                                    /** @description basis points: 100 = 1% */
                                    bp: number;
                                    denominator: number;
                                    numerator: number;
                                };
                                warning: boolean;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Post a message; a party may mark it for the arbitrator only, attach evidence it uploaded, and add a translation */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        arbitratorOnly?: boolean;
                        /** @description ids of evidence the sender uploaded to this dispute */
                        attachments?: string[];
                        body: string;
                        messageId?: string;
                        translation?: {
                            /** @description a BCP 47 language tag: en, zh-Hans, pt-BR */
                            language: string;
                            text: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Internal notes on the case, oldest first (staff only: never shown to a party, in a case file or a webhook) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                at: string;
                                body: string;
                                id: string;
                                staffId: string;
                                staffName: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add an internal note to the case (staff only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                        /**
                         * Format: uuid
                         * @description a client-made id: send one so a retry is not a second note
                         */
                        noteId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            at: string;
                            body: string;
                            id: string;
                            staffId: string;
                            staffName: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            at: string;
                            body: string;
                            id: string;
                            staffId: string;
                            staffName: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Propose an offer: refund, return and refund, store coupon or replacement */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        offerId?: string;
                        terms: {
                            amount: {
                                /**
                                 * @description ISO 4217 code
                                 * @example EUR
                                 */
                                currency: string;
                                /**
                                 * @description amount in minor units, as a decimal string
                                 * @example 1250
                                 */
                                minor: string;
                            };
                            /** @enum {string} */
                            kind: "refund";
                        } | {
                            amount: {
                                /**
                                 * @description ISO 4217 code
                                 * @example EUR
                                 */
                                currency: string;
                                /**
                                 * @description amount in minor units, as a decimal string
                                 * @example 1250
                                 */
                                minor: string;
                            };
                            /** @enum {string} */
                            kind: "return_and_refund";
                            postage?: {
                                /**
                                 * @description ISO 4217 code
                                 * @example EUR
                                 */
                                currency: string;
                                /**
                                 * @description amount in minor units, as a decimal string
                                 * @example 1250
                                 */
                                minor: string;
                            };
                            /** @description who pays the return postage; `platform` only in a ruling */
                            postagePaidBy: "buyer" | "seller" | "platform";
                        } | {
                            /** Format: date-time */
                            expiresAt: string;
                            /** @enum {string} */
                            kind: "coupon";
                            minSpend: {
                                /**
                                 * @description ISO 4217 code
                                 * @example EUR
                                 */
                                currency: string;
                                /**
                                 * @description amount in minor units, as a decimal string
                                 * @example 1250
                                 */
                                minor: string;
                            };
                            value: {
                                /**
                                 * @description ISO 4217 code
                                 * @example EUR
                                 */
                                currency: string;
                                /**
                                 * @description amount in minor units, as a decimal string
                                 * @example 1250
                                 */
                                minor: string;
                            };
                        } | {
                            /** @enum {string} */
                            kind: "replacement";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/offers/{offerId}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept the other side’s offer (or, as the seller, the buyer’s request) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                    offerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/offers/{offerId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject an offer, with a reason and optionally a counter-offer (required for the seller’s first answer) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                    offerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        counter?: {
                            note?: string;
                            offerId?: string;
                            terms: {
                                amount: {
                                    /**
                                     * @description ISO 4217 code
                                     * @example EUR
                                     */
                                    currency: string;
                                    /**
                                     * @description amount in minor units, as a decimal string
                                     * @example 1250
                                     */
                                    minor: string;
                                };
                                /** @enum {string} */
                                kind: "refund";
                            } | {
                                amount: {
                                    /**
                                     * @description ISO 4217 code
                                     * @example EUR
                                     */
                                    currency: string;
                                    /**
                                     * @description amount in minor units, as a decimal string
                                     * @example 1250
                                     */
                                    minor: string;
                                };
                                /** @enum {string} */
                                kind: "return_and_refund";
                                postage?: {
                                    /**
                                     * @description ISO 4217 code
                                     * @example EUR
                                     */
                                    currency: string;
                                    /**
                                     * @description amount in minor units, as a decimal string
                                     * @example 1250
                                     */
                                    minor: string;
                                };
                                /** @description who pays the return postage; `platform` only in a ruling */
                                postagePaidBy: "buyer" | "seller" | "platform";
                            } | {
                                /** Format: date-time */
                                expiresAt: string;
                                /** @enum {string} */
                                kind: "coupon";
                                minSpend: {
                                    /**
                                     * @description ISO 4217 code
                                     * @example EUR
                                     */
                                    currency: string;
                                    /**
                                     * @description amount in minor units, as a decimal string
                                     * @example 1250
                                     */
                                    minor: string;
                                };
                                value: {
                                    /**
                                     * @description ISO 4217 code
                                     * @example EUR
                                     */
                                    currency: string;
                                    /**
                                     * @description amount in minor units, as a decimal string
                                     * @example 1250
                                     */
                                    minor: string;
                                };
                            } | {
                                /** @enum {string} */
                                kind: "replacement";
                            };
                        };
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/replacement-shipment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ship the agreed replacement (seller) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        carrier: string;
                        trackingNumber: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/return-details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give the return address and, if you keep your own, the RMA number (seller, before the buyer ships) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: {
                            city: string;
                            country: string;
                            lines: string[];
                            name: string;
                            postalCode: string;
                            region?: string;
                        };
                        rmaNumber?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/return-label": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Supply the return tracking number and, optionally, the label file (seller, local-return markets) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        carrier: string;
                        labelEvidenceId?: string;
                        trackingNumber: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/return-receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the return arrived and record its condition (seller): as described, the refund executes; anything else escalates with that condition as the fixed reason */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        condition?: "as_described" | "wrong_item_returned" | "damaged" | "empty_package" | "missing_parts";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/return-shipment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ship the return (buyer): the seller’s confirm-receipt countdown starts */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        carrier: string;
                        trackingNumber: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/ruling": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rule: outcome, responsibility, reason code and note (arbitrator) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                        outcome: {
                            amount: {
                                /**
                                 * @description ISO 4217 code
                                 * @example EUR
                                 */
                                currency: string;
                                /**
                                 * @description amount in minor units, as a decimal string
                                 * @example 1250
                                 */
                                minor: string;
                            };
                            /** @enum {string} */
                            kind: "refund";
                        } | {
                            amount: {
                                /**
                                 * @description ISO 4217 code
                                 * @example EUR
                                 */
                                currency: string;
                                /**
                                 * @description amount in minor units, as a decimal string
                                 * @example 1250
                                 */
                                minor: string;
                            };
                            /** @enum {string} */
                            kind: "return_and_refund";
                            postage?: {
                                /**
                                 * @description ISO 4217 code
                                 * @example EUR
                                 */
                                currency: string;
                                /**
                                 * @description amount in minor units, as a decimal string
                                 * @example 1250
                                 */
                                minor: string;
                            };
                            /** @description who pays the return postage; `platform` only in a ruling */
                            postagePaidBy: "buyer" | "seller" | "platform";
                        } | {
                            /** @enum {string} */
                            kind: "no_refund";
                        };
                        reasonCode: string;
                        responsibility: "seller" | "logistics" | "buyer" | "none";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DisputeView"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/ruling-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Before ruling: the most a ruling may refund, and for each responsibility who funds a refund and the seller’s three rates after it (staff) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            byResponsibility: {
                                /** @description who pays a refund ruled with this responsibility */
                                funding: "seller" | "logistics" | "protection";
                                metrics: {
                                    arbitrationRate: {
                                        /** @description basis points: 100 = 1% */
                                        bp: number;
                                        denominator: number;
                                        numerator: number;
                                    };
                                    disputeRate: {
                                        /** @description basis points: 100 = 1% */
                                        bp: number;
                                        denominator: number;
                                        numerator: number;
                                    };
                                    sellerResponsibilityRate: {
                                        /** @description basis points: 100 = 1% */
                                        bp: number;
                                        denominator: number;
                                        numerator: number;
                                    };
                                    warning: boolean;
                                };
                                responsibility: "seller" | "logistics" | "buyer" | "none";
                            }[];
                            channel: string;
                            now: {
                                arbitrationRate: {
                                    /** @description basis points: 100 = 1% */
                                    bp: number;
                                    denominator: number;
                                    numerator: number;
                                };
                                disputeRate: {
                                    /** @description basis points: 100 = 1% */
                                    bp: number;
                                    denominator: number;
                                    numerator: number;
                                };
                                sellerResponsibilityRate: {
                                    /** @description basis points: 100 = 1% */
                                    bp: number;
                                    denominator: number;
                                    numerator: number;
                                };
                                warning: boolean;
                            };
                            refundableMax: {
                                currency: string;
                                minor: string;
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/{disputeId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Page through the timeline, oldest first: the entries after your own number `after` (the view carries only the latest) */
        get: {
            parameters: {
                query?: {
                    /** @description the last `seq` you have (0: from the start) */
                    after?: number;
                    limit?: number;
                };
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    disputeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                at: string;
                                by: string;
                                seq: number;
                                type: string;
                                /** @description staff only: the id of the API key that acted for this party (Settle-Act-As) */
                                via?: string;
                            }[];
                            /** @description pass as `after` for the next page; absent on the last */
                            nextAfter?: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/disputes/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of the disputes the caller may see there are per status, reason, market and next deadline (the counts beside the list’s filters) */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description by the buyer’s country (the `buyer:XX` market filter) */
                            buyerMarket: {
                                [key: string]: number;
                            };
                            /** @description by the kind of the next deadline (the `nextDeadline` filter) */
                            nextDeadline: {
                                [key: string]: number;
                            };
                            reason: {
                                [key: string]: number;
                            };
                            /** @description by the seller’s country (the `seller:XX` market filter) */
                            sellerMarket: {
                                [key: string]: number;
                            };
                            status: {
                                [key: string]: number;
                            };
                            total: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Catch up on events: the webhooks’ events in order, after a cursor */
        get: {
            parameters: {
                query?: {
                    /** @description the `id` of the last event you processed (or the `nextCursor` of the last page); absent: from the oldest event kept */
                    after?: string;
                    limit?: number;
                    /** @description only these event types (repeat the parameter) */
                    types?: ("dispute.opened" | "dispute.updated" | "dispute.resolved" | "offer.made" | "money.refunded" | "money.released" | "refund.succeeded" | "refund.failed" | "refund.retry_requested" | "refund.escalated" | "seller.standing_changed" | "chargeback.updated")[];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description more events are there already: ask again now */
                            hasMore: boolean;
                            items: {
                                /** @enum {string} */
                                apiVersion: "2026-11-28";
                                data: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                /** Format: date-time */
                                timestamp: string;
                                type: string;
                            }[];
                            /** @description pass as `after` next time (keep it when items is empty) */
                            nextCursor?: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in buyer’s own orders, newest first (at most 100)
         * @description `refundable` is what was paid less earlier refunds and lost chargebacks: the most a new dispute on the order may ask for.
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                completedAt?: string;
                                /** Format: date-time */
                                deliveredAt?: string;
                                disputes: {
                                    id: string;
                                    status: string;
                                }[];
                                items: {
                                    quantity: number;
                                    title: string;
                                }[];
                                orderId: string;
                                paid: {
                                    currency: string;
                                    minor: string;
                                };
                                /** Format: date-time */
                                paidAt: string;
                                refundable: {
                                    currency: string;
                                    minor: string;
                                };
                                sellerId: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record a paid order; its payment is captured into escrow once */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amountPaid: {
                            /**
                             * @description ISO 4217 code
                             * @example EUR
                             */
                            currency: string;
                            /**
                             * @description amount in minor units, as a decimal string
                             * @example 1250
                             */
                            minor: string;
                        };
                        /** @description ISO 3166-1 alpha-2 */
                        buyerCountry: string;
                        buyerId: string;
                        items: {
                            lineId?: string;
                            lineTotal?: {
                                /**
                                 * @description ISO 4217 code
                                 * @example EUR
                                 */
                                currency: string;
                                /**
                                 * @description amount in minor units, as a decimal string
                                 * @example 1250
                                 */
                                minor: string;
                            };
                            quantity: number;
                            sku: string;
                            title: string;
                            unitPrice: {
                                /**
                                 * @description ISO 4217 code
                                 * @example EUR
                                 */
                                currency: string;
                                /**
                                 * @description amount in minor units, as a decimal string
                                 * @example 1250
                                 */
                                minor: string;
                            };
                        }[];
                        /** Format: date-time */
                        paidAt: string;
                        /** Format: date-time */
                        promisedDeliveryAt?: string;
                        sellerId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{orderId}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report delivery, or receipt confirmed by the buyer or by timeout */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                        by?: "buyer" | "timeout";
                        status: "delivered" | "completed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every policy version per market (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                market: string;
                                values: {
                                    [key: string]: unknown;
                                };
                                version: number;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a policy version for a market (`*`, `seller:IT`, `buyer:IT`): the previous version of that market plus these values. Running disputes keep the versions they opened under */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        market: string;
                        values: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            market: string;
                            values: {
                                [key: string]: unknown;
                            };
                            version: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/markets/{market}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A market’s current policy version: every value beside its default (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    market: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            current?: {
                                id: string;
                                version: number;
                            };
                            fields: {
                                default: unknown;
                                field: string;
                                /** @description the market’s current version sets this field */
                                setHere: boolean;
                                /** @description what this market sets, else the default */
                                value: unknown;
                            }[];
                            market: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What adding this version would change against the market’s current one; nothing is saved (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        market: string;
                        values: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changes: {
                                current: unknown;
                                field: string;
                                proposed: unknown;
                            }[];
                            current?: {
                                id: string;
                                version: number;
                            };
                            market: string;
                            next: {
                                id: string;
                                version: number;
                            } & {
                                values: {
                                    [key: string]: unknown;
                                };
                            };
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many disputes run on each policy version (`default`: opened when no version applied) (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                disputes: number;
                                versionId: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/versions/{versionId}/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest disputes that run on a policy version (admin) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path: {
                    versionId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** Format: date-time */
                                openedAt: string;
                                sellerId: string;
                                status: string;
                                versionIds: string[];
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/refunds/{refundId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a refund owed to a buyer and how its payment went
         * @description The integration reads every refund; a dispute’s parties and staff read its refunds (they are also in the dispute view).
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    refundId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: {
                                currency: string;
                                minor: string;
                            };
                            /** @description the attempt asked for now, from 1 */
                            attempt: number;
                            attemptsMax: number;
                            disputeId: string;
                            /** @description report the payment with POST /v1/refunds/{id}/result */
                            id: string;
                            /** Format: date-time */
                            issuedAt: string;
                            lastFailure?: string;
                            /** Format: date-time */
                            retryAt?: string;
                            /** Format: date-time */
                            settledAt?: string;
                            /** @description pending: to be paid (again); retry_scheduled: the last attempt failed, the next is asked for at retryAt; succeeded: paid; escalated: failed for good, settled by staff */
                            status: "pending" | "retry_scheduled" | "succeeded" | "escalated";
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/refunds/{refundId}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report how a refund’s payment went (the marketplace’s payment side)
         * @description succeeded moves the refund from owed to paid in the ledger, once: a second success, or any result after the refund was handed to staff, answers 409. failed asks for another attempt after a day, at most 3 attempts in all, then hands the refund to staff.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    refundId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description why the payment failed, as the payment side says (failed only) */
                        failure?: string;
                        result: "succeeded" | "failed";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            amount: {
                                currency: string;
                                minor: string;
                            };
                            /** @description the attempt asked for now, from 1 */
                            attempt: number;
                            attemptsMax: number;
                            disputeId: string;
                            /** @description report the payment with POST /v1/refunds/{id}/result */
                            id: string;
                            /** Format: date-time */
                            issuedAt: string;
                            lastFailure?: string;
                            /** Format: date-time */
                            retryAt?: string;
                            /** Format: date-time */
                            settledAt?: string;
                            /** @description pending: to be paid (again); retry_scheduled: the last attempt failed, the next is asked for at retryAt; succeeded: paid; escalated: failed for good, settled by staff */
                            status: "pending" | "retry_scheduled" | "succeeded" | "escalated";
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sellers/{sellerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or update a seller (store) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sellerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ISO 3166-1 alpha-2 */
                        country: string;
                        name: string;
                        protectionEnrolled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sellers/{sellerId}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A seller’s balance per currency: available, debt (a negative balance) and what its orders hold in escrow */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    sellerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balances: {
                                /** @description minor units, decimal string */
                                available: string;
                                /** @description minor units, decimal string */
                                balance: string;
                                currency: string;
                                /** @description what the seller owes the platform: refunds owed after release, lost chargebacks or fees beyond the balance (domain.md) */
                                debt: string;
                                /** @description minor units, decimal string */
                                heldInEscrow: string;
                            }[];
                            sellerId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sellers/{sellerId}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A seller’s dispute, arbitration and seller-responsibility rates over the rolling window */
        get: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    sellerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            metrics: {
                                arbitrationRate: {
                                    /** @description basis points: 100 = 1% */
                                    bp: number;
                                    denominator: number;
                                    numerator: number;
                                };
                                disputeRate: {
                                    /** @description basis points: 100 = 1% */
                                    bp: number;
                                    denominator: number;
                                    numerator: number;
                                };
                                sellerResponsibilityRate: {
                                    /** @description basis points: 100 = 1% */
                                    bp: number;
                                    denominator: number;
                                    numerator: number;
                                };
                                warning: boolean;
                            };
                            sellerId: string;
                            windowDays: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sellers/{sellerId}/metrics/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A seller’s three rates over time: the rolling window’s rates at evenly spaced instants up to now, with the warning thresholds */
        get: {
            parameters: {
                query?: {
                    points?: number;
                    stepDays?: number;
                };
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    sellerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sellerId: string;
                            series: {
                                /** Format: date-time */
                                at: string;
                                metrics: {
                                    arbitrationRate: {
                                        /** @description basis points: 100 = 1% */
                                        bp: number;
                                        denominator: number;
                                        numerator: number;
                                    };
                                    disputeRate: {
                                        /** @description basis points: 100 = 1% */
                                        bp: number;
                                        denominator: number;
                                        numerator: number;
                                    };
                                    sellerResponsibilityRate: {
                                        /** @description basis points: 100 = 1% */
                                        bp: number;
                                        denominator: number;
                                        numerator: number;
                                    };
                                    warning: boolean;
                                };
                            }[];
                            thresholds: {
                                /** @description the seller-responsibility rate (basis points) that warns */
                                warnBp: number;
                                /** @description and the fewest disputes ruled against the seller that warn */
                                warnCount: number;
                            };
                            windowDays: number;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sellers/{sellerId}/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The seller balance account’s ledger lines in [from, to), oldest first
         * @description format=json (default) pages by cursor; format=csv streams every line of the range as RFC 4180 CSV (text/csv). Each line carries the balance after it; `opening` is the balance before `from`. A range spans at most 366 days.
         */
        get: {
            parameters: {
                query: {
                    cursor?: string;
                    format?: "json" | "csv";
                    from: string;
                    limit?: number;
                    to: string;
                };
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path: {
                    sellerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            from: string;
                            items: {
                                amount: {
                                    currency: string;
                                    /** @description minor units, decimal string */
                                    minor: string;
                                };
                                /** Format: date-time */
                                at: string;
                                balanceAfter: {
                                    currency: string;
                                    /** @description minor units, decimal string */
                                    minor: string;
                                };
                                disputeId: string | null;
                                kind: string;
                                line: number;
                                orderId: string | null;
                                transactionId: string;
                            }[];
                            nextCursor?: string;
                            opening: {
                                currency: string;
                                /** @description minor units, decimal string */
                                minor: string;
                            }[];
                            sellerId: string;
                            /** Format: date-time */
                            to: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, and the CSRF token for writes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send it as the x-csrf-token header on every POST, PUT, PATCH and DELETE */
                            csrfToken: string;
                            user: {
                                email: string;
                                id: string;
                                name: string;
                                role: "buyer" | "seller" | "arbitrator" | "admin";
                                /** @description for seller staff: the store */
                                sellerId?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Sign in with email and password
         * @description Sets the HttpOnly session cookie. At most 10 attempts per email and address per minute.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send it as the x-csrf-token header on every POST, PUT, PATCH and DELETE */
                            csrfToken: string;
                            user: {
                                email: string;
                                id: string;
                                name: string;
                                role: "buyer" | "seller" | "arbitrator" | "admin";
                                /** @description for seller staff: the store */
                                sellerId?: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        /**
         * Sign out
         * @description Ends the session and clears the cookie; signing out twice is harmless.
         */
        delete: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Act for this buyer or staff member (an API key with the act_as scope): `buyer:<buyerId>` or `seller:<sellerId>:<staffId>` */
                    "settle-act-as"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            detail: string;
                            status: number;
                            title: string;
                            type: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/shipments/{shipmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record the outbound shipment of an order and its channel */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    shipmentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                        carrier: string;
                        channel: "platform" | "seller";
                        orderId: string;
                        trackingNumber: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sign-in-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A one-time URL that signs a buyer or a store’s staff member in
         * @description Needs an API key with the integration and act_as scopes. The link works once, for 300 s (SETTLE_SIGN_IN_LINK_TTL_SECONDS). Not idempotent: a retry makes a new link.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a path on Settle’s own origin to land on (default `/`); never another host */
                        returnTo?: string;
                        /** @description who signs in: `buyer:<buyerId>` (the id on your orders) or `seller:<sellerId>:<staffId>` */
                        user: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description open once, before expiresAt; hand it only to that person */
                            url: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sign-in-links/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open a sign-in link: signs its person in and redirects
         * @description No other credential. Sets the session cookie (as POST /v1/session) and answers 303 to `/` or the link’s returnTo. A used, expired or unknown link is refused (410 or 404), as an HTML page when the browser asks for one; refusals count as failed authentications.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description signed in; Location is where to go */
                303: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/simulations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a small what-if simulation in the background (its own temporary store; optionally compared against a second policy) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Policy values by field name (as in /v1/policies), or durations in days (`negotiationDays: 3`) */
                        comparePolicy?: {
                            [key: string]: unknown;
                        };
                        days: number;
                        orders: number;
                        /** @description Policy values by field name (as in /v1/policies), or durations in days (`negotiationDays: 3`) */
                        policy?: {
                            [key: string]: unknown;
                        };
                        seed: number;
                        sellers: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: string;
                            id: string;
                            links: {
                                html: string;
                                self: string;
                            };
                            progress: {
                                day: number;
                                days: number;
                                percent: number;
                                run: number;
                                runs: number;
                            };
                            /** @description The report (inputs, runs with reconciliation, comparison) */
                            report?: unknown;
                            status: "running" | "succeeded" | "failed" | "cancelled";
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/simulations/{simulationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A simulation: its progress, and its report once it succeeded */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    simulationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: string;
                            id: string;
                            links: {
                                html: string;
                                self: string;
                            };
                            progress: {
                                day: number;
                                days: number;
                                percent: number;
                                run: number;
                                runs: number;
                            };
                            /** @description The report (inputs, runs with reconciliation, comparison) */
                            report?: unknown;
                            status: "running" | "succeeded" | "failed" | "cancelled";
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Cancel a running simulation */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    simulationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: string;
                            id: string;
                            links: {
                                html: string;
                                self: string;
                            };
                            progress: {
                                day: number;
                                days: number;
                                percent: number;
                                run: number;
                                runs: number;
                            };
                            /** @description The report (inputs, runs with reconciliation, comparison) */
                            report?: unknown;
                            status: "running" | "succeeded" | "failed" | "cancelled";
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/simulations/{simulationId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a running simulation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    simulationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error?: string;
                            id: string;
                            links: {
                                html: string;
                                self: string;
                            };
                            progress: {
                                day: number;
                                days: number;
                                percent: number;
                                run: number;
                                runs: number;
                            };
                            /** @description The report (inputs, runs with reconciliation, comparison) */
                            report?: unknown;
                            status: "running" | "succeeded" | "failed" | "cancelled";
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/simulations/{simulationId}/report.html": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report as one self-contained HTML page with charts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    simulationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tracking-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Carrier webhook: a tracking event for a shipment (outbound, return or replacement) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                        place?: string;
                        shipmentId: string;
                        signed?: boolean;
                        status: "info_received" | "in_transit" | "out_for_delivery" | "delivered" | "exception" | "returned_to_sender";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again now (same webhook-id), whatever its state */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description attempts made so far */
                            attempt: number;
                            /** Format: date-time */
                            createdAt: string;
                            deliveredAt: string | null;
                            id: string;
                            lastAttemptAt: string | null;
                            lastError: string | null;
                            lastStatusCode: number | null;
                            nextAttemptAt: string | null;
                            /** @description the body sent: {type, timestamp, data} */
                            payload: unknown;
                            status: "pending" | "succeeded" | "failed" | "dead";
                            subscriptionId: string;
                            topic: string;
                            /** @description the webhook-id header: the same on every attempt */
                            webhookId: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Webhook subscriptions, newest first, disabled ones included */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                createdAt: string;
                                description: string;
                                disabledAt: string | null;
                                enabled: boolean;
                                id: string;
                                topics: ("dispute.opened" | "dispute.updated" | "dispute.resolved" | "offer.made" | "deadline.approaching" | "money.refunded" | "money.released" | "refund.succeeded" | "refund.failed" | "refund.retry_requested" | "refund.escalated" | "chargeback.updated" | "seller.standing_changed")[];
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Subscribe a URL to webhook topics; the signing secret is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        topics: ("dispute.opened" | "dispute.updated" | "dispute.resolved" | "offer.made" | "deadline.approaching" | "money.refunded" | "money.released" | "refund.succeeded" | "refund.failed" | "refund.retry_requested" | "refund.escalated" | "chargeback.updated" | "seller.standing_changed")[];
                        /** @description http(s), without credentials */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            disabledAt: string | null;
                            enabled: boolean;
                            id: string;
                            /** @description The signing secret (`whsec_` + base64 of 32 bytes). Shown only in this response: keep it. */
                            secret: string;
                            topics: ("dispute.opened" | "dispute.updated" | "dispute.resolved" | "offer.made" | "deadline.approaching" | "money.refunded" | "money.released" | "refund.succeeded" | "refund.failed" | "refund.retry_requested" | "refund.escalated" | "chargeback.updated" | "seller.standing_changed")[];
                            url: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Disable a subscription: nothing more is sent, waiting deliveries are dropped */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            disabledAt: string | null;
                            enabled: boolean;
                            id: string;
                            topics: ("dispute.opened" | "dispute.updated" | "dispute.resolved" | "offer.made" | "deadline.approaching" | "money.refunded" | "money.released" | "refund.succeeded" | "refund.failed" | "refund.retry_requested" | "refund.escalated" | "chargeback.updated" | "seller.standing_changed")[];
                            url: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subscription's delivery log, newest first; pass nextCursor for older ones */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description attempts made so far */
                                attempt: number;
                                /** Format: date-time */
                                createdAt: string;
                                deliveredAt: string | null;
                                id: string;
                                lastAttemptAt: string | null;
                                lastError: string | null;
                                lastStatusCode: number | null;
                                nextAttemptAt: string | null;
                                /** @description the body sent: {type, timestamp, data} */
                                payload: unknown;
                                status: "pending" | "succeeded" | "failed" | "dead";
                                subscriptionId: string;
                                topic: string;
                                /** @description the webhook-id header: the same on every attempt */
                                webhookId: string;
                            }[];
                            nextCursor?: string;
                        };
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description RFC 9457 problem details with a stable `code` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "chargeback.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * a chargeback was opened, moved stage, defended, conceded, left undefended or decided
         * @description Sent to subscriptions to `chargeback.updated`, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). The same object is listed by GET /v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ChargebackUpdatedEvent"];
                };
            };
            responses: {
                /** @description received; any other answer is retried with backoff */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "deadline.approaching": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * a dispute's next deadline falls within the next 24 hours
         * @description Sent to subscriptions to `deadline.approaching`, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). A reminder, not history: webhooks only, not in GET /v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DeadlineApproachingEvent"];
                };
            };
            responses: {
                /** @description received; any other answer is retried with backoff */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "dispute.opened": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * a buyer opened a dispute
         * @description Sent to subscriptions to `dispute.opened`, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). The same object is listed by GET /v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DisputeOpenedEvent"];
                };
            };
            responses: {
                /** @description received; any other answer is retried with backoff */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "dispute.resolved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * a dispute was resolved, or an appeal decided
         * @description Sent to subscriptions to `dispute.resolved`, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). The same object is listed by GET /v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DisputeResolvedEvent"];
                };
            };
            responses: {
                /** @description received; any other answer is retried with backoff */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "dispute.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * a dispute changed (offers answered, evidence, escalation, returns ...)
         * @description Sent to subscriptions to `dispute.updated`, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). The same object is listed by GET /v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DisputeUpdatedEvent"];
                };
            };
            responses: {
                /** @description received; any other answer is retried with backoff */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "money.refunded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * money was refunded to the buyer
         * @description Sent to subscriptions to `money.refunded`, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). The same object is listed by GET /v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MoneyRefundedEvent"];
                };
            };
            responses: {
                /** @description received; any other answer is retried with backoff */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "money.released": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * escrowed money was released to the seller
         * @description Sent to subscriptions to `money.released`, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). The same object is listed by GET /v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MoneyReleasedEvent"];
                };
            };
            responses: {
                /** @description received; any other answer is retried with backoff */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "offer.made": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * a party proposed an offer
         * @description Sent to subscriptions to `offer.made`, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). The same object is listed by GET /v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OfferMadeEvent"];
                };
            };
            responses: {
                /** @description received; any other answer is retried with backoff */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "refund.escalated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * a refund failed its last attempt and was handed to staff
         * @description Sent to subscriptions to `refund.escalated`, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). The same object is listed by GET /v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefundEscalatedEvent"];
                };
            };
            responses: {
                /** @description received; any other answer is retried with backoff */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "refund.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * a refund's payment failed; the refund's retryAt says when the next attempt is asked for
         * @description Sent to subscriptions to `refund.failed`, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). The same object is listed by GET /v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefundFailedEvent"];
                };
            };
            responses: {
                /** @description received; any other answer is retried with backoff */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "refund.retry_requested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * a failed refund's payment is asked for again (the refund's attempt)
         * @description Sent to subscriptions to `refund.retry_requested`, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). The same object is listed by GET /v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefundRetryRequestedEvent"];
                };
            };
            responses: {
                /** @description received; any other answer is retried with backoff */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "refund.succeeded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * the marketplace reported a refund paid: it moved from owed to paid
         * @description Sent to subscriptions to `refund.succeeded`, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). The same object is listed by GET /v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RefundSucceededEvent"];
                };
            };
            responses: {
                /** @description received; any other answer is retried with backoff */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "seller.standing_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * a seller's seller-responsibility rate crossed a policy threshold (up or down): the level, the policy's penalty tier, the rates, thresholds and the disputes that weigh most
         * @description Sent to subscriptions to `seller.standing_changed`, signed as Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature). The same object is listed by GET /v1/events.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SellerStandingChangedEvent"];
                };
            };
            responses: {
                /** @description received; any other answer is retried with backoff */
                "2XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** @description a chargeback was opened, moved stage, defended, conceded, left undefended or decided */
        ChargebackUpdatedEvent: {
            /** @enum {string} */
            apiVersion: "2026-11-28";
            data: {
                change: {
                    /** Format: date-time */
                    at: string;
                    type: string;
                };
                chargeback: {
                    amount: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    amountLost?: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    /** @description the seller accepted it */
                    conceded?: boolean;
                    /** Format: date-time */
                    defenceDueAt: string;
                    fee?: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    feeBearer?: "seller" | "platform";
                    id: string;
                    network?: string;
                    /** Format: date-time */
                    openedAt: string;
                    orderId: string;
                    /** @description the card network's reason code */
                    reasonCode?: string;
                    sellerId: string;
                    /** @description the stage the processor reported; each opens a fresh defence window */
                    stage: "inquiry" | "chargeback" | "pre_arbitration";
                    status: string;
                };
                chargebackId: string;
                seq: number;
            };
            /** @description the event id, also the webhook-id header; `after=` this id in the feed */
            id: string;
            /** Format: date-time */
            timestamp: string;
            /** @enum {string} */
            type: "chargeback.updated";
        };
        /** @description a dispute's next deadline falls within the next 24 hours */
        DeadlineApproachingEvent: {
            /** @enum {string} */
            apiVersion: "2026-11-28";
            data: {
                /** @description the audit chain head right after this event (docs/audit.md): keep it */
                chain: {
                    /** @description SHA-256 of the last event */
                    headHash: string;
                    /** @description the dispute's stored event count */
                    seq: number;
                };
                deadline: {
                    /** Format: date-time */
                    dueAt: string;
                    kind: string;
                };
                disputeId: string;
                status: string;
            };
            /** @description the event id, also the webhook-id header; `after=` this id in the feed */
            id: string;
            /** Format: date-time */
            timestamp: string;
            /** @enum {string} */
            type: "deadline.approaching";
        };
        /** @description a buyer opened a dispute */
        DisputeOpenedEvent: {
            /** @enum {string} */
            apiVersion: "2026-11-28";
            data: {
                /** @description the audit chain head right after this event (docs/audit.md): keep it */
                chain: {
                    /** @description SHA-256 of the last event */
                    headHash: string;
                    /** @description the dispute's stored event count */
                    seq: number;
                };
                change: {
                    /** Format: date-time */
                    at: string;
                    /** @description the actor's role: buyer, seller, arbitrator, system ... */
                    by: string;
                    /** @description what happened: offer_proposed, evidence_added ... */
                    type: string;
                };
                /** @description the dispute as the marketplace saw it right after this event */
                dispute: {
                    buyerId: string;
                    id: string;
                    market: {
                        buyerCountry: string;
                        sellerCountry: string;
                    };
                    nextDeadline?: {
                        /** Format: date-time */
                        dueAt: string;
                        kind: string;
                    };
                    /** Format: date-time */
                    openedAt: string;
                    orderId: string;
                    outcome?: {
                        /** Format: date-time */
                        at: string;
                        /** @description agreement, ruling, appeal, timeout, chargeback ... */
                        how: string;
                        outcome: "refund" | "no_refund" | "replacement";
                        refunded: {
                            /**
                             * @description minor units as a decimal string
                             * @example 1234
                             */
                            amount: string;
                            /** @example EUR */
                            currency: string;
                        };
                        responsibility: string;
                    };
                    paid: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    reason: string;
                    refunded: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    requested: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    sellerId: string;
                    status: string;
                    subReason?: string;
                    /** Format: date-time */
                    updatedAt: string;
                    /** @description stored event count (chain.seq) */
                    version: number;
                };
                disputeId: string;
                seq: number;
            };
            /** @description the event id, also the webhook-id header; `after=` this id in the feed */
            id: string;
            /** Format: date-time */
            timestamp: string;
            /** @enum {string} */
            type: "dispute.opened";
        };
        /** @description a dispute was resolved, or an appeal decided */
        DisputeResolvedEvent: {
            /** @enum {string} */
            apiVersion: "2026-11-28";
            data: {
                /** @description the audit chain head right after this event (docs/audit.md): keep it */
                chain: {
                    /** @description SHA-256 of the last event */
                    headHash: string;
                    /** @description the dispute's stored event count */
                    seq: number;
                };
                change: {
                    /** Format: date-time */
                    at: string;
                    /** @description the actor's role: buyer, seller, arbitrator, system ... */
                    by: string;
                    /** @description what happened: offer_proposed, evidence_added ... */
                    type: string;
                };
                /** @description the dispute as the marketplace saw it right after this event */
                dispute: {
                    buyerId: string;
                    id: string;
                    market: {
                        buyerCountry: string;
                        sellerCountry: string;
                    };
                    nextDeadline?: {
                        /** Format: date-time */
                        dueAt: string;
                        kind: string;
                    };
                    /** Format: date-time */
                    openedAt: string;
                    orderId: string;
                    outcome?: {
                        /** Format: date-time */
                        at: string;
                        /** @description agreement, ruling, appeal, timeout, chargeback ... */
                        how: string;
                        outcome: "refund" | "no_refund" | "replacement";
                        refunded: {
                            /**
                             * @description minor units as a decimal string
                             * @example 1234
                             */
                            amount: string;
                            /** @example EUR */
                            currency: string;
                        };
                        responsibility: string;
                    };
                    paid: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    reason: string;
                    refunded: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    requested: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    sellerId: string;
                    status: string;
                    subReason?: string;
                    /** Format: date-time */
                    updatedAt: string;
                    /** @description stored event count (chain.seq) */
                    version: number;
                };
                disputeId: string;
                outcome: {
                    /** Format: date-time */
                    at: string;
                    /** @description agreement, ruling, appeal, timeout, chargeback ... */
                    how: string;
                    outcome: "refund" | "no_refund" | "replacement";
                    refunded: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    responsibility: string;
                };
                seq: number;
            };
            /** @description the event id, also the webhook-id header; `after=` this id in the feed */
            id: string;
            /** Format: date-time */
            timestamp: string;
            /** @enum {string} */
            type: "dispute.resolved";
        };
        DisputeSummary: {
            buyerId: string;
            id: string;
            nextDeadline?: string;
            /** Format: date-time */
            nextDueAt?: string;
            /** Format: date-time */
            openedAt: string;
            orderId: string;
            paid: {
                currency: string;
                minor: string;
            };
            reason: string;
            requested: {
                currency: string;
                minor: string;
            };
            sellerId: string;
            status: string;
            version: number;
        };
        /** @description a dispute changed (offers answered, evidence, escalation, returns ...) */
        DisputeUpdatedEvent: {
            /** @enum {string} */
            apiVersion: "2026-11-28";
            data: {
                /** @description the audit chain head right after this event (docs/audit.md): keep it */
                chain: {
                    /** @description SHA-256 of the last event */
                    headHash: string;
                    /** @description the dispute's stored event count */
                    seq: number;
                };
                change: {
                    /** Format: date-time */
                    at: string;
                    /** @description the actor's role: buyer, seller, arbitrator, system ... */
                    by: string;
                    /** @description what happened: offer_proposed, evidence_added ... */
                    type: string;
                };
                /** @description the dispute as the marketplace saw it right after this event */
                dispute: {
                    buyerId: string;
                    id: string;
                    market: {
                        buyerCountry: string;
                        sellerCountry: string;
                    };
                    nextDeadline?: {
                        /** Format: date-time */
                        dueAt: string;
                        kind: string;
                    };
                    /** Format: date-time */
                    openedAt: string;
                    orderId: string;
                    outcome?: {
                        /** Format: date-time */
                        at: string;
                        /** @description agreement, ruling, appeal, timeout, chargeback ... */
                        how: string;
                        outcome: "refund" | "no_refund" | "replacement";
                        refunded: {
                            /**
                             * @description minor units as a decimal string
                             * @example 1234
                             */
                            amount: string;
                            /** @example EUR */
                            currency: string;
                        };
                        responsibility: string;
                    };
                    paid: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    reason: string;
                    refunded: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    requested: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    sellerId: string;
                    status: string;
                    subReason?: string;
                    /** Format: date-time */
                    updatedAt: string;
                    /** @description stored event count (chain.seq) */
                    version: number;
                };
                disputeId: string;
                seq: number;
            };
            /** @description the event id, also the webhook-id header; `after=` this id in the feed */
            id: string;
            /** Format: date-time */
            timestamp: string;
            /** @enum {string} */
            type: "dispute.updated";
        };
        DisputeView: {
            appeal?: {
                /** Format: date-time */
                at: string;
                by: string;
                decision?: string;
                note: string;
            };
            /** Format: date-time */
            appealDueAt?: string;
            couponCode?: string;
            description: string;
            escalation?: {
                /** Format: date-time */
                at: string;
                by: string;
                note: string;
                reason: string;
            };
            evidence: {
                arbitratorOnly: boolean;
                /** Format: date-time */
                at: string;
                by: string;
                bytes: number;
                confirmedFindings?: string[];
                fileName: string;
                fileUrl: string;
                findings: string[];
                id: string;
                kind: string;
                mediaType: string;
                note: string;
                sha256: string;
                supersededBy?: string;
                supersedes?: string;
                thumbnailUrl?: string;
            }[];
            evidenceRequests: {
                by: string;
                /** Format: date-time */
                dueAt: string;
                from: string;
                id: string;
                kinds: string[];
                note: string;
                status: string;
            }[];
            id: string;
            ledger: {
                /** Format: date-time */
                at: string;
                id: string;
                kind: string;
                postings: {
                    account: string;
                    amountMinor: string;
                    currency: string;
                }[];
            }[];
            /** @description the order lines and units this dispute covers, each with what it may refund on the line (`refundCap`); an order fed without lines is one line, id 1 */
            lines?: {
                lineId: string;
                lineTotal: {
                    currency: string;
                    minor: string;
                };
                orderedQuantity: number;
                /** @description the units this dispute covers */
                quantity: number;
                refundCap: {
                    currency: string;
                    minor: string;
                };
                refundedByOthers: {
                    currency: string;
                    minor: string;
                };
                sku: string;
                title: string;
                unitPrice: {
                    currency: string;
                    minor: string;
                };
            }[];
            messages: {
                arbitratorOnly: boolean;
                /** Format: date-time */
                at: string;
                /** @description ids of evidence the sender uploaded to this dispute (see `evidence`); only those the viewer may see */
                attachments?: string[];
                body: string;
                by: string;
                id: string;
                /** @description the message in another language, next to the original `body` */
                translation?: {
                    /** @description a BCP 47 language tag */
                    language: string;
                    text: string;
                };
            }[];
            offers: {
                /** Format: date-time */
                at: string;
                by: string;
                id: string;
                note: string;
                status: string;
                terms: {
                    amount?: {
                        currency: string;
                        minor: string;
                    };
                    /** Format: date-time */
                    expiresAt?: string;
                    kind: "refund" | "return_and_refund" | "coupon" | "replacement";
                    minSpend?: {
                        currency: string;
                        minor: string;
                    };
                    postage?: {
                        currency: string;
                        minor: string;
                    };
                    postagePaidBy?: string;
                    value?: {
                        currency: string;
                        minor: string;
                    };
                };
            }[];
            /** Format: date-time */
            openedAt: string;
            order: {
                buyerCountry: string;
                buyerId: string;
                /** Format: date-time */
                completedAt?: string;
                /** Format: date-time */
                deliveredAt?: string;
                orderId: string;
                outboundChannel: string;
                paid: {
                    currency: string;
                    minor: string;
                };
                sellerCountry: string;
                sellerId: string;
            };
            /** @description the policy versions this dispute runs on, from least to most specific (`*#2`, `seller:CN#1`, `buyer:IT#3`), copied when it opened; empty: the defaults */
            policyVersions: string[];
            reason: string;
            refundable?: {
                currency: string;
                minor: string;
            };
            refunded: {
                currency: string;
                minor: string;
            };
            /** @description refunds owed to the buyer and their payment; empty before refund execution */
            refunds: {
                amount: {
                    currency: string;
                    minor: string;
                };
                /** @description the attempt asked for now, from 1 */
                attempt: number;
                attemptsMax: number;
                disputeId: string;
                /** @description report the payment with POST /v1/refunds/{id}/result */
                id: string;
                /** Format: date-time */
                issuedAt: string;
                lastFailure?: string;
                /** Format: date-time */
                retryAt?: string;
                /** Format: date-time */
                settledAt?: string;
                /** @description pending: to be paid (again); retry_scheduled: the last attempt failed, the next is asked for at retryAt; succeeded: paid; escalated: failed for good, settled by staff */
                status: "pending" | "retry_scheduled" | "succeeded" | "escalated";
            }[];
            replacement?: {
                shipment?: {
                    /** Format: date-time */
                    at: string;
                    carrier: string;
                    trackingNumber: string;
                };
            };
            resolution?: {
                /** Format: date-time */
                at: string;
                how: string;
                outcome: string;
                refunded: {
                    currency: string;
                    minor: string;
                };
                responsibility: string;
            };
            returnPlan?: {
                /** @description where the buyer sends the goods back */
                address?: {
                    city: string;
                    country: string;
                    lines: string[];
                    name: string;
                    postalCode: string;
                    region?: string;
                };
                amount: {
                    currency: string;
                    minor: string;
                };
                /** @description what the seller found in the returned parcel */
                condition?: string;
                /** Format: date-time */
                deliveredAt?: string;
                label?: {
                    /** Format: date-time */
                    at: string;
                    carrier: string;
                    trackingNumber: string;
                };
                /** @description the label file: the seller’s evidence of kind return_label */
                labelEvidenceId?: string;
                postage?: {
                    currency: string;
                    minor: string;
                };
                postagePaidBy: string;
                /** Format: date-time */
                receivedAt?: string;
                rmaNumber?: string;
                shipment?: {
                    /** Format: date-time */
                    at: string;
                    carrier: string;
                    trackingNumber: string;
                };
                via: string;
            };
            ruling?: {
                /** Format: date-time */
                at: string;
                by: string;
                note: string;
                outcome: {
                    amount?: {
                        currency: string;
                        minor: string;
                    };
                    kind: string;
                    postage?: {
                        currency: string;
                        minor: string;
                    };
                    postagePaidBy?: string;
                };
                reasonCode: string;
                responsibility: string;
            };
            status: string;
            subReason?: string;
            /** @description arbitrators only */
            suggestion?: {
                /** @description the same reasons as data, in the same order */
                facts: {
                    /** Format: date-time */
                    at?: string;
                    /** @description the reason as a stable code, for translation */
                    code: string;
                    reason?: string;
                    source?: {
                        by: string;
                        confirmed: boolean;
                        evidenceId: string;
                        kind: string;
                    };
                }[];
                outcome?: string;
                reasons: string[];
                responsibility?: string;
            };
            /** @description the latest 50 entries you may see, oldest first; when the first `seq` is above 1, the earlier ones are at GET /v1/disputes/{id}/timeline */
            timeline: {
                /** Format: date-time */
                at: string;
                by: string;
                seq: number;
                type: string;
                /** @description staff only: the id of the API key that acted for this party (Settle-Act-As) */
                via?: string;
            }[];
            tracking: {
                carrier: string;
                channel: string;
                direction: string;
                events: {
                    /** Format: date-time */
                    at: string;
                    place: string | null;
                    signed: boolean;
                    status: string;
                }[];
                shipmentId: string;
                trackingNumber: string;
            }[];
            version: number;
            viewer: {
                /** @description what this viewer may do now; clients render only these */
                actions: string[];
                dueDates: {
                    /** Format: date-time */
                    dueAt: string;
                    key?: string;
                    kind: string;
                    owner: string;
                }[];
                /** Format: date-time */
                nextDueAt?: string;
                role: string;
                /** Format: date-time */
                rulingTargetAt?: string;
            };
        };
        /** @description money was refunded to the buyer */
        MoneyRefundedEvent: {
            /** @enum {string} */
            apiVersion: "2026-11-28";
            data: {
                /** @description the audit chain head right after this event (docs/audit.md): keep it */
                chain: {
                    /** @description SHA-256 of the last event */
                    headHash: string;
                    /** @description the dispute's stored event count */
                    seq: number;
                };
                change: {
                    /** Format: date-time */
                    at: string;
                    /** @description the actor's role: buyer, seller, arbitrator, system ... */
                    by: string;
                    /** @description what happened: offer_proposed, evidence_added ... */
                    type: string;
                };
                /** @description the dispute as the marketplace saw it right after this event */
                dispute: {
                    buyerId: string;
                    id: string;
                    market: {
                        buyerCountry: string;
                        sellerCountry: string;
                    };
                    nextDeadline?: {
                        /** Format: date-time */
                        dueAt: string;
                        kind: string;
                    };
                    /** Format: date-time */
                    openedAt: string;
                    orderId: string;
                    outcome?: {
                        /** Format: date-time */
                        at: string;
                        /** @description agreement, ruling, appeal, timeout, chargeback ... */
                        how: string;
                        outcome: "refund" | "no_refund" | "replacement";
                        refunded: {
                            /**
                             * @description minor units as a decimal string
                             * @example 1234
                             */
                            amount: string;
                            /** @example EUR */
                            currency: string;
                        };
                        responsibility: string;
                    };
                    paid: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    reason: string;
                    refunded: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    requested: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    sellerId: string;
                    status: string;
                    subReason?: string;
                    /** Format: date-time */
                    updatedAt: string;
                    /** @description stored event count (chain.seq) */
                    version: number;
                };
                disputeId: string;
                refund: {
                    amount: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    source: string;
                };
                seq: number;
            };
            /** @description the event id, also the webhook-id header; `after=` this id in the feed */
            id: string;
            /** Format: date-time */
            timestamp: string;
            /** @enum {string} */
            type: "money.refunded";
        };
        /** @description escrowed money was released to the seller */
        MoneyReleasedEvent: {
            /** @enum {string} */
            apiVersion: "2026-11-28";
            data: {
                /** @description the audit chain head right after this event (docs/audit.md): keep it */
                chain: {
                    /** @description SHA-256 of the last event */
                    headHash: string;
                    /** @description the dispute's stored event count */
                    seq: number;
                };
                change: {
                    /** Format: date-time */
                    at: string;
                    /** @description the actor's role: buyer, seller, arbitrator, system ... */
                    by: string;
                    /** @description what happened: offer_proposed, evidence_added ... */
                    type: string;
                };
                /** @description the dispute as the marketplace saw it right after this event */
                dispute: {
                    buyerId: string;
                    id: string;
                    market: {
                        buyerCountry: string;
                        sellerCountry: string;
                    };
                    nextDeadline?: {
                        /** Format: date-time */
                        dueAt: string;
                        kind: string;
                    };
                    /** Format: date-time */
                    openedAt: string;
                    orderId: string;
                    outcome?: {
                        /** Format: date-time */
                        at: string;
                        /** @description agreement, ruling, appeal, timeout, chargeback ... */
                        how: string;
                        outcome: "refund" | "no_refund" | "replacement";
                        refunded: {
                            /**
                             * @description minor units as a decimal string
                             * @example 1234
                             */
                            amount: string;
                            /** @example EUR */
                            currency: string;
                        };
                        responsibility: string;
                    };
                    paid: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    reason: string;
                    refunded: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    requested: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    sellerId: string;
                    status: string;
                    subReason?: string;
                    /** Format: date-time */
                    updatedAt: string;
                    /** @description stored event count (chain.seq) */
                    version: number;
                };
                disputeId: string;
                release: {
                    amount: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                };
                seq: number;
            };
            /** @description the event id, also the webhook-id header; `after=` this id in the feed */
            id: string;
            /** Format: date-time */
            timestamp: string;
            /** @enum {string} */
            type: "money.released";
        };
        /** @description a party proposed an offer */
        OfferMadeEvent: {
            /** @enum {string} */
            apiVersion: "2026-11-28";
            data: {
                /** @description the audit chain head right after this event (docs/audit.md): keep it */
                chain: {
                    /** @description SHA-256 of the last event */
                    headHash: string;
                    /** @description the dispute's stored event count */
                    seq: number;
                };
                change: {
                    /** Format: date-time */
                    at: string;
                    /** @description the actor's role: buyer, seller, arbitrator, system ... */
                    by: string;
                    /** @description what happened: offer_proposed, evidence_added ... */
                    type: string;
                };
                /** @description the dispute as the marketplace saw it right after this event */
                dispute: {
                    buyerId: string;
                    id: string;
                    market: {
                        buyerCountry: string;
                        sellerCountry: string;
                    };
                    nextDeadline?: {
                        /** Format: date-time */
                        dueAt: string;
                        kind: string;
                    };
                    /** Format: date-time */
                    openedAt: string;
                    orderId: string;
                    outcome?: {
                        /** Format: date-time */
                        at: string;
                        /** @description agreement, ruling, appeal, timeout, chargeback ... */
                        how: string;
                        outcome: "refund" | "no_refund" | "replacement";
                        refunded: {
                            /**
                             * @description minor units as a decimal string
                             * @example 1234
                             */
                            amount: string;
                            /** @example EUR */
                            currency: string;
                        };
                        responsibility: string;
                    };
                    paid: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    reason: string;
                    refunded: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    requested: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    sellerId: string;
                    status: string;
                    subReason?: string;
                    /** Format: date-time */
                    updatedAt: string;
                    /** @description stored event count (chain.seq) */
                    version: number;
                };
                disputeId: string;
                offer: {
                    amount?: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    by: string;
                    id: string;
                    kind: string;
                    note: string;
                };
                seq: number;
            };
            /** @description the event id, also the webhook-id header; `after=` this id in the feed */
            id: string;
            /** Format: date-time */
            timestamp: string;
            /** @enum {string} */
            type: "offer.made";
        };
        /** @description RFC 9457 problem details with a stable `code` */
        Problem: {
            code: string;
            detail: string;
            status: number;
            title: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
        /** @description a refund failed its last attempt and was handed to staff */
        RefundEscalatedEvent: {
            /** @enum {string} */
            apiVersion: "2026-11-28";
            data: {
                /** @description the audit chain head right after this event (docs/audit.md): keep it */
                chain: {
                    /** @description SHA-256 of the last event */
                    headHash: string;
                    /** @description the dispute's stored event count */
                    seq: number;
                };
                change: {
                    /** Format: date-time */
                    at: string;
                    /** @description the actor's role: buyer, seller, arbitrator, system ... */
                    by: string;
                    /** @description what happened: offer_proposed, evidence_added ... */
                    type: string;
                };
                /** @description the dispute as the marketplace saw it right after this event */
                dispute: {
                    buyerId: string;
                    id: string;
                    market: {
                        buyerCountry: string;
                        sellerCountry: string;
                    };
                    nextDeadline?: {
                        /** Format: date-time */
                        dueAt: string;
                        kind: string;
                    };
                    /** Format: date-time */
                    openedAt: string;
                    orderId: string;
                    outcome?: {
                        /** Format: date-time */
                        at: string;
                        /** @description agreement, ruling, appeal, timeout, chargeback ... */
                        how: string;
                        outcome: "refund" | "no_refund" | "replacement";
                        refunded: {
                            /**
                             * @description minor units as a decimal string
                             * @example 1234
                             */
                            amount: string;
                            /** @example EUR */
                            currency: string;
                        };
                        responsibility: string;
                    };
                    paid: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    reason: string;
                    refunded: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    requested: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    sellerId: string;
                    status: string;
                    subReason?: string;
                    /** Format: date-time */
                    updatedAt: string;
                    /** @description stored event count (chain.seq) */
                    version: number;
                };
                disputeId: string;
                /** @description the refund right after this event: a marketplace never pays one twice */
                refund: {
                    amount: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    /** @description the attempt asked for now (1 for the first) */
                    attempt: number;
                    /** @description the refund id POST /v1/refunds/{id}/result answers */
                    id: string;
                    /** Format: date-time */
                    issuedAt: string;
                    /** @description the payment side's last failure */
                    lastFailure?: string;
                    /** Format: date-time */
                    retryAt?: string;
                    /** Format: date-time */
                    settledAt?: string;
                    /** @description pending: asked for; retry_scheduled: failed, asked again at retryAt; succeeded: paid; escalated: failed for good, with staff */
                    state: "pending" | "retry_scheduled" | "succeeded" | "escalated";
                };
                seq: number;
            };
            /** @description the event id, also the webhook-id header; `after=` this id in the feed */
            id: string;
            /** Format: date-time */
            timestamp: string;
            /** @enum {string} */
            type: "refund.escalated";
        };
        /** @description a refund's payment failed; the refund's retryAt says when the next attempt is asked for */
        RefundFailedEvent: {
            /** @enum {string} */
            apiVersion: "2026-11-28";
            data: {
                /** @description the audit chain head right after this event (docs/audit.md): keep it */
                chain: {
                    /** @description SHA-256 of the last event */
                    headHash: string;
                    /** @description the dispute's stored event count */
                    seq: number;
                };
                change: {
                    /** Format: date-time */
                    at: string;
                    /** @description the actor's role: buyer, seller, arbitrator, system ... */
                    by: string;
                    /** @description what happened: offer_proposed, evidence_added ... */
                    type: string;
                };
                /** @description the dispute as the marketplace saw it right after this event */
                dispute: {
                    buyerId: string;
                    id: string;
                    market: {
                        buyerCountry: string;
                        sellerCountry: string;
                    };
                    nextDeadline?: {
                        /** Format: date-time */
                        dueAt: string;
                        kind: string;
                    };
                    /** Format: date-time */
                    openedAt: string;
                    orderId: string;
                    outcome?: {
                        /** Format: date-time */
                        at: string;
                        /** @description agreement, ruling, appeal, timeout, chargeback ... */
                        how: string;
                        outcome: "refund" | "no_refund" | "replacement";
                        refunded: {
                            /**
                             * @description minor units as a decimal string
                             * @example 1234
                             */
                            amount: string;
                            /** @example EUR */
                            currency: string;
                        };
                        responsibility: string;
                    };
                    paid: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    reason: string;
                    refunded: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    requested: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    sellerId: string;
                    status: string;
                    subReason?: string;
                    /** Format: date-time */
                    updatedAt: string;
                    /** @description stored event count (chain.seq) */
                    version: number;
                };
                disputeId: string;
                /** @description the refund right after this event: a marketplace never pays one twice */
                refund: {
                    amount: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    /** @description the attempt asked for now (1 for the first) */
                    attempt: number;
                    /** @description the refund id POST /v1/refunds/{id}/result answers */
                    id: string;
                    /** Format: date-time */
                    issuedAt: string;
                    /** @description the payment side's last failure */
                    lastFailure?: string;
                    /** Format: date-time */
                    retryAt?: string;
                    /** Format: date-time */
                    settledAt?: string;
                    /** @description pending: asked for; retry_scheduled: failed, asked again at retryAt; succeeded: paid; escalated: failed for good, with staff */
                    state: "pending" | "retry_scheduled" | "succeeded" | "escalated";
                };
                seq: number;
            };
            /** @description the event id, also the webhook-id header; `after=` this id in the feed */
            id: string;
            /** Format: date-time */
            timestamp: string;
            /** @enum {string} */
            type: "refund.failed";
        };
        /** @description a failed refund's payment is asked for again (the refund's attempt) */
        RefundRetryRequestedEvent: {
            /** @enum {string} */
            apiVersion: "2026-11-28";
            data: {
                /** @description the audit chain head right after this event (docs/audit.md): keep it */
                chain: {
                    /** @description SHA-256 of the last event */
                    headHash: string;
                    /** @description the dispute's stored event count */
                    seq: number;
                };
                change: {
                    /** Format: date-time */
                    at: string;
                    /** @description the actor's role: buyer, seller, arbitrator, system ... */
                    by: string;
                    /** @description what happened: offer_proposed, evidence_added ... */
                    type: string;
                };
                /** @description the dispute as the marketplace saw it right after this event */
                dispute: {
                    buyerId: string;
                    id: string;
                    market: {
                        buyerCountry: string;
                        sellerCountry: string;
                    };
                    nextDeadline?: {
                        /** Format: date-time */
                        dueAt: string;
                        kind: string;
                    };
                    /** Format: date-time */
                    openedAt: string;
                    orderId: string;
                    outcome?: {
                        /** Format: date-time */
                        at: string;
                        /** @description agreement, ruling, appeal, timeout, chargeback ... */
                        how: string;
                        outcome: "refund" | "no_refund" | "replacement";
                        refunded: {
                            /**
                             * @description minor units as a decimal string
                             * @example 1234
                             */
                            amount: string;
                            /** @example EUR */
                            currency: string;
                        };
                        responsibility: string;
                    };
                    paid: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    reason: string;
                    refunded: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    requested: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    sellerId: string;
                    status: string;
                    subReason?: string;
                    /** Format: date-time */
                    updatedAt: string;
                    /** @description stored event count (chain.seq) */
                    version: number;
                };
                disputeId: string;
                /** @description the refund right after this event: a marketplace never pays one twice */
                refund: {
                    amount: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    /** @description the attempt asked for now (1 for the first) */
                    attempt: number;
                    /** @description the refund id POST /v1/refunds/{id}/result answers */
                    id: string;
                    /** Format: date-time */
                    issuedAt: string;
                    /** @description the payment side's last failure */
                    lastFailure?: string;
                    /** Format: date-time */
                    retryAt?: string;
                    /** Format: date-time */
                    settledAt?: string;
                    /** @description pending: asked for; retry_scheduled: failed, asked again at retryAt; succeeded: paid; escalated: failed for good, with staff */
                    state: "pending" | "retry_scheduled" | "succeeded" | "escalated";
                };
                seq: number;
            };
            /** @description the event id, also the webhook-id header; `after=` this id in the feed */
            id: string;
            /** Format: date-time */
            timestamp: string;
            /** @enum {string} */
            type: "refund.retry_requested";
        };
        /** @description the marketplace reported a refund paid: it moved from owed to paid */
        RefundSucceededEvent: {
            /** @enum {string} */
            apiVersion: "2026-11-28";
            data: {
                /** @description the audit chain head right after this event (docs/audit.md): keep it */
                chain: {
                    /** @description SHA-256 of the last event */
                    headHash: string;
                    /** @description the dispute's stored event count */
                    seq: number;
                };
                change: {
                    /** Format: date-time */
                    at: string;
                    /** @description the actor's role: buyer, seller, arbitrator, system ... */
                    by: string;
                    /** @description what happened: offer_proposed, evidence_added ... */
                    type: string;
                };
                /** @description the dispute as the marketplace saw it right after this event */
                dispute: {
                    buyerId: string;
                    id: string;
                    market: {
                        buyerCountry: string;
                        sellerCountry: string;
                    };
                    nextDeadline?: {
                        /** Format: date-time */
                        dueAt: string;
                        kind: string;
                    };
                    /** Format: date-time */
                    openedAt: string;
                    orderId: string;
                    outcome?: {
                        /** Format: date-time */
                        at: string;
                        /** @description agreement, ruling, appeal, timeout, chargeback ... */
                        how: string;
                        outcome: "refund" | "no_refund" | "replacement";
                        refunded: {
                            /**
                             * @description minor units as a decimal string
                             * @example 1234
                             */
                            amount: string;
                            /** @example EUR */
                            currency: string;
                        };
                        responsibility: string;
                    };
                    paid: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    reason: string;
                    refunded: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    requested: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    sellerId: string;
                    status: string;
                    subReason?: string;
                    /** Format: date-time */
                    updatedAt: string;
                    /** @description stored event count (chain.seq) */
                    version: number;
                };
                disputeId: string;
                /** @description the refund right after this event: a marketplace never pays one twice */
                refund: {
                    amount: {
                        /**
                         * @description minor units as a decimal string
                         * @example 1234
                         */
                        amount: string;
                        /** @example EUR */
                        currency: string;
                    };
                    /** @description the attempt asked for now (1 for the first) */
                    attempt: number;
                    /** @description the refund id POST /v1/refunds/{id}/result answers */
                    id: string;
                    /** Format: date-time */
                    issuedAt: string;
                    /** @description the payment side's last failure */
                    lastFailure?: string;
                    /** Format: date-time */
                    retryAt?: string;
                    /** Format: date-time */
                    settledAt?: string;
                    /** @description pending: asked for; retry_scheduled: failed, asked again at retryAt; succeeded: paid; escalated: failed for good, with staff */
                    state: "pending" | "retry_scheduled" | "succeeded" | "escalated";
                };
                seq: number;
            };
            /** @description the event id, also the webhook-id header; `after=` this id in the feed */
            id: string;
            /** Format: date-time */
            timestamp: string;
            /** @enum {string} */
            type: "refund.succeeded";
        };
        /** @description a seller's seller-responsibility rate crossed a policy threshold (up or down): the level, the policy's penalty tier, the rates, thresholds and the disputes that weigh most */
        SellerStandingChangedEvent: {
            /** @enum {string} */
            apiVersion: "2026-11-28";
            data: {
                /** Format: date-time */
                at: string;
                direction: "worse" | "better";
                /** @description the rulings against the seller that weigh most: latest first, at most 10 */
                disputes: {
                    channel: string;
                    disputeId: string;
                    orderId: string;
                    responsibility: string;
                    /** Format: date-time */
                    ruledAt: string;
                }[];
                level: "good" | "warn" | "restrict";
                /** @description over the policy window, at `at` */
                metrics: {
                    arbitrationRate: {
                        /** @description basis points, rounded down: 100 = 1% */
                        bp: number;
                        denominator: number;
                        numerator: number;
                    };
                    disputeRate: {
                        /** @description basis points, rounded down: 100 = 1% */
                        bp: number;
                        denominator: number;
                        numerator: number;
                    };
                    sellerResponsibilityRate: {
                        /** @description basis points, rounded down: 100 = 1% */
                        bp: number;
                        denominator: number;
                        numerator: number;
                    };
                };
                previousLevel: "good" | "warn" | "restrict";
                sellerId: string;
                thresholds: {
                    restrict: {
                        /** @description ... or above this many disputes */
                        count: number;
                        /** @description above this rate (basis points) ... */
                        rateBp: number;
                        /** @description the policy's name for the penalty at this level */
                        tier: string;
                    };
                    warn: {
                        /** @description ... or above this many disputes */
                        count: number;
                        /** @description above this rate (basis points) ... */
                        rateBp: number;
                        /** @description the policy's name for the penalty at this level */
                        tier: string;
                    };
                };
                /** @description the policy's penalty tier at the new level; null in good standing */
                tier: string | null;
                windowDays: number;
            };
            /** @description the event id, also the webhook-id header; `after=` this id in the feed */
            id: string;
            /** Format: date-time */
            timestamp: string;
            /** @enum {string} */
            type: "seller.standing_changed";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
