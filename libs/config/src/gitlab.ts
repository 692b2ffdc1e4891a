/** The GitLab instance the runners serve and whose API creates them. */
export const gitlabInstance = {
  url: 'https://gitlab.example.com',
} as const;
