import { describe, expect, it } from '@jest/globals';
import { redactUrl } from './logger.js';

describe('redactUrl', () => {
  it('cuts the values of parameters that carry credentials', () => {
    expect(redactUrl('/oauth/token?grant_type=refresh_token&refresh_token=abc&client_secret=s3&code_verifier=v')).toBe(
      '/oauth/token?grant_type=refresh_token&refresh_token=[redacted]&client_secret=[redacted]&code_verifier=[redacted]',
    );
    expect(redactUrl('/x?access_token=a&token=b&password=c&usr_new_pass=d&api_key=e&code=f')).toBe(
      '/x?access_token=[redacted]&token=[redacted]&password=[redacted]&usr_new_pass=[redacted]&api_key=[redacted]&code=[redacted]',
    );
  });

  it('leaves other parameters and paths alone', () => {
    expect(redactUrl('/api/1.0/workflow/users?filter=john&start=0&limit=25')).toBe('/api/1.0/workflow/users?filter=john&start=0&limit=25');
    expect(redactUrl('/activiti-app/api/enterprise/users?processDefinitionKey=p&tenantId=1')).toBe(
      '/activiti-app/api/enterprise/users?processDefinitionKey=p&tenantId=1',
    );
  });
});
