// The fields file of DESIGN.md ("The fields file"), as tests across the suites read it.

/** Custom fields, tracker fields and a bot variable, without profiles. */
export const DESIGN_FIELDS = `{
  "placeholderSyntax": "braces",
  "customFields": {
    "deposit_amount": { "type": "number", "description": "First deposit, in USD", "example": 150 },
    "geo": { "type": "select", "items": ["KZ", "UZ", "AZ"], "description": "Country", "example": "KZ" },
    "trader_id": { "type": "text", "description": "Created by the broker integration" }
  },
  "trackerFields": {
    "clickid": { "description": "Click id the tracker gave this user", "example": "7f3a9c01" },
    "sub1": { "description": "Campaign sub-id", "example": "fb_ads" }
  },
  "botVariables": {
    "regLink": { "value": "https://partner.example.com/reg?clickid={{tracker.clickid}}", "description": "Registration link" }
  }
}
`;

/** The same with the two sample profiles of DESIGN.md. */
export const DESIGN_FIELDS_WITH_PROFILES = DESIGN_FIELDS.replace(/\n}\n$/, `,
  "profiles": {
    "lead": { "username": "ivan_petrov", "chatId": 482913377, "tracker.clickid": "7f3a9c01", "deposit_amount": 0 },
    "no-username": { "username": "", "chatId": 1000001 }
  }
}
`);
